import { parseArgs } from 'node:util';
import { isTopUpState, type TopUp, type TopUpLedger, type TopUpState } from './ledger.js';

export const USAGE = [
  'usage: npm run payments -- list [--state <STATE>] [--all]',
  '       npm run payments -- show <top-up id>',
  '       npm run payments -- credit <top-up id> [--found <billing reference>] [--note <text>]',
  '       npm run payments -- fail <top-up id> --note <why>',
  'credit: the payment is not in the billing; the cabinet credits it on its next sweep.',
  'credit --found: the payment is already in the billing (under this reference); it is recorded as credited.',
  'fail: the money will not be credited (e.g. refunded to the card); say why in --note.',
].join('\n');

/** What needs an operator by default: review, and what is stuck between paid and credited. */
const UNSETTLED: readonly TopUpState[] = ['NEEDS_REVIEW', 'PAID', 'CREDITING'];

export class UsageError extends Error {
  override name = 'UsageError';
}

const summary = (topUp: TopUp) => ({
  id: topUp.id,
  state: topUp.state,
  login: topUp.login,
  accountId: topUp.accountId,
  amount: `${topUp.amount.amount} ${topUp.amount.currency}`,
  method: topUp.method,
  acquirerReference: topUp.acquirerReference,
  updatedAt: topUp.updatedAt,
  lastNote: topUp.history.at(-1)?.note ?? null,
});

/**
 * The operator's payments command: see top-ups and settle the ones in NEEDS_REVIEW. Each line of
 * output is JSON. The exit code is 0 when done, 1 when the top-up was not there or not in a state
 * to settle (nothing changed), 2 for a usage error.
 */
export async function runPaymentsCommand(argv: string[], ledger: TopUpLedger, write: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { state: { type: 'string' }, all: { type: 'boolean' }, found: { type: 'string' }, note: { type: 'string' } },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, id, extra] = positionals;
  const note = values.note?.trim();
  if (extra !== undefined || (note !== undefined && (note === '' || note.length > 500))) throw new UsageError(USAGE);
  const output = (value: unknown) => write(JSON.stringify(value));

  if (command === 'list' && id === undefined) {
    if (values.state !== undefined && !isTopUpState(values.state)) throw new UsageError(`unknown state ${values.state}\n${USAGE}`);
    const states = values.all ? undefined : values.state ? [values.state as TopUpState] : UNSETTLED;
    for (const topUp of await ledger.list({ states, limit: 1000 })) output(summary(topUp));
    return 0;
  }
  if (!id || !['show', 'credit', 'fail'].includes(command ?? '')) throw new UsageError(USAGE);
  const topUp = await ledger.get(id);
  if (!topUp) {
    output({ error: `no top-up ${id}` });
    return 1;
  }
  if (command === 'show') {
    output({ ...summary(topUp), billingReference: topUp.billingReference, createdAt: topUp.createdAt, history: topUp.history });
    return 0;
  }
  let settled: TopUp | null;
  if (command === 'credit') {
    settled = values.found
      ? await ledger.transition(id, ['NEEDS_REVIEW'], 'CREDITED', { billingReference: values.found, note: `operator: found in the billing${note ? `: ${note}` : ''}` })
      : await ledger.transition(id, ['NEEDS_REVIEW'], 'PAID', { note: `operator: not in the billing, credit it${note ? `: ${note}` : ''}` });
  } else {
    if (!note) throw new UsageError(`fail needs --note <why>\n${USAGE}`);
    settled = await ledger.transition(id, ['NEEDS_REVIEW'], 'FAILED', { note: `operator: ${note}` });
  }
  if (!settled) {
    output({ error: `top-up ${id} is ${topUp.state}: only NEEDS_REVIEW can be settled`, state: topUp.state });
    return 1;
  }
  output(summary(settled));
  return 0;
}
