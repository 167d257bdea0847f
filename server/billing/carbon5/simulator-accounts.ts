import { fromMinorUnits, toMinorUnits } from '../../../shared/money.js';
import type { CarbonServiceSeed } from '../carbon-service-seed.js';
import type { CarbonAccountSeed } from './demo-data.js';

/*
 * What a simulated Carbon 5 holds for an account beyond its seed: its live state, and the history
 * its REST v2 models answer (ArchAccountStack's year of fees, FinanceOperations' invoices).
 */

export interface CarbonAccountState extends CarbonAccountSeed {
  pushToken: string | null;
  /** Service changes Carbon accepted and has not applied yet. */
  queuedWrites: { serviceId: number; action: 'connect' | 'disconnect' }[];
  /** True while a suid is live for this account. */
  signedIn: boolean;
  /** ArchAccountStack: the balance changes Carbon wrote, oldest first. */
  balanceChanges: CarbonBalanceChange[];
  /** FinanceOperations of op_type 5 with their FinanceOperationsDetail lines, oldest first. */
  invoices: CarbonInvoice[];
}

export interface CarbonInvoice {
  id: number;
  number: string;
  /** "YYYY-MM-DD HH:MM:SS", Carbon's local time. */
  date: string;
  /** YYYY-MM-DD */
  periodEnd: string;
  total: string;
  lines: { name: string; service: { id: number; name: string } | null; unit: string; quantity: string; price: string }[];
}

export interface CarbonBalanceChange {
  id: number;
  /** "YYYY-MM-DD HH:MM:SS", Carbon's local time. */
  time: string;
  /** Negative when money was written off. */
  summa: string;
  tariff: { id: number; name: string } | null;
  service: { id: number; name: string } | null;
  storno: boolean;
  comment: string;
}

/** An account as the simulator starts it: no suid, no queued writes, a year of fees and their invoices. */
export function accountState(account: CarbonAccountSeed, services: readonly CarbonServiceSeed[], today: string): CarbonAccountState {
  const balanceChanges = yearOfFees(account, services, today);
  return { ...account, pushToken: null, queuedWrites: [], signedIn: false, balanceChanges, invoices: monthlyInvoices(account, balanceChanges) };
}

/**
 * A year of fees as Carbon writes them on the first of each month: the tariff, then each connected
 * service; and one tariff fee charged twice in error last month and reversed (a storno).
 */
function yearOfFees(account: CarbonAccountSeed, services: readonly CarbonServiceSeed[], today: string): CarbonBalanceChange[] {
  const changes: CarbonBalanceChange[] = [];
  const [year, month] = today.split('-').map(Number) as [number, number];
  let id = account.abonentId * 1000;
  for (let back = 11; back >= 0; back--) {
    const first = new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 10);
    const tariff = { summa: `-${account.tariff.fee}`, tariff: { id: account.tariff.id, name: account.tariff.name }, service: null };
    const fees = [tariff, ...account.connectedServiceIds.flatMap((serviceId) => {
      const service = services.find((candidate) => candidate.id === serviceId);
      return service ? [{ summa: `-${service.price}`, tariff: null, service: { id: service.id, name: service.name } }] : [];
    })];
    fees.forEach((fee, index) => changes.push({ id: ++id, time: `${first} 00:${String(index).padStart(2, "0")}:00`, storno: false, comment: '', ...fee }));
    if (back === 1) changes.push({ id: ++id, time: `${first} 00:09:00`, storno: true, comment: 'Повторне списання', ...tariff });
  }
  return changes;
}

/**
 * An invoice for each month of fees, issued on its first day: one line per write-off that was not
 * reversed, counted as one month.
 */
function monthlyInvoices(account: CarbonAccountSeed, changes: readonly CarbonBalanceChange[]): CarbonInvoice[] {
  const months = [...new Set(changes.map((change) => change.time.slice(0, 7)))];
  return months.map((month, index) => {
    const charged = changes.filter((change) => change.time.startsWith(month) && !change.storno && change.summa.startsWith('-'));
    const lines = charged.map((change) => ({
      name: change.tariff?.name ?? change.service?.name ?? '',
      service: change.service,
      unit: 'мес.',
      quantity: '1.000',
      price: change.summa.slice(1),
    }));
    const [year, number] = month.split('-').map(Number) as [number, number];
    return {
      id: account.abonentId * 100 + index + 1,
      number: `${account.contractNumber}-${month.replace('-', '')}`,
      date: `${month}-01 03:00:00`,
      periodEnd: new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10),
      total: fromMinorUnits(lines.reduce((sum, line) => sum + (toMinorUnits(line.price) ?? 0n), 0n)),
      lines,
    };
  });
}
