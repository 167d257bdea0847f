import { compareDecimals, money } from '../../../shared/money.js';
import type { PauseInfo, PauseRefusal } from '../../domain/types.js';
import type { FreezeData } from './replies.js';

/**
 * Ubilling's freeze as a pause. userstats' own freeze form refuses a tariff not in AF_TARIFFSALLOWED
 * (unless AF_TARIFF_ALLOW_ANY), a negative balance (unless FREEZE_ALLOW_ON_NEGATIVE_BALANCE) and,
 * with FREEZE_DAYS_CHARGE_ENABLED, used-up days that work has not yet restored. XMLAgent `dofreeze`
 * checks none of them and charges AF_FREEZPRICE every time, so the cabinet decides here, from
 * `freezedata`, exactly as the form does. A freeze starts at once and lasts until it is ended.
 */
export function mapFreeze(data: FreezeData, options: { today: string; currency: string; selfUnfreeze: boolean }): PauseInfo {
  const active = data.freezeStatus === 'frozen';
  const refusal = active ? null : freezeRefusal(data);
  const counted = data.freezeDaysChargeActive;
  return {
    available: !active && refusal === null,
    active,
    from: active ? datePart(data.dateFrom) : null,
    to: null,
    activationFee: data.activationCost === null ? null : money(data.activationCost, options.currency),
    pricePerMonth: data.userTariffFreezePrice === null ? null : money(data.userTariffFreezePrice, options.currency),
    daysAllowed: counted ? data.freezeDaysTotal : null,
    daysUsed: counted ? data.freezeDaysUsed : null,
    rules: { refusal, earliestStart: options.today, chooseStart: false, endRequired: false, maxDays: null, canEnd: options.selfUnfreeze },
  };
}

function freezeRefusal(data: FreezeData): PauseRefusal | null {
  if (!data.freezeSelfAvailable) return 'NOT_OFFERED';
  if (!data.tariffAllowedAny && !data.tariffsAllowedList.includes(data.userTariff)) return 'TARIFF_NOT_ALLOWED';
  // An unknown balance is not a balance of zero or more.
  if (!data.negativeBalanceFreezeAllowed && (data.userBalance === null || compareDecimals(data.userBalance, '0') < 0)) return 'NEGATIVE_BALANCE';
  if (data.freezeDaysChargeActive) {
    const { freezeDaysUsed: used, freezeDaysTotal: total, freezeDaysWorked: worked, freezeDaysRestore: restore } = data;
    if (used === null || total === null) return 'NO_DAYS_LEFT';
    if (used >= total && (worked === null || restore === null || worked <= restore)) return 'NO_DAYS_LEFT';
  }
  return null;
}

/** The calendar day of userstats' "Y-m-d H:i:s" (or a bare date); null when blank or not a date. */
function datePart(text: string | null | undefined): string | null {
  const match = text ? /^(\d{4}-\d{2}-\d{2})/.exec(text.trim()) : null;
  return match ? match[1]! : null;
}
