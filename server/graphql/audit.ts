import { knownFailure, type CabinetError } from '../domain/errors.js';
import type { AuditAction } from '../store/store.js';
import type { GraphQLContext } from './context.js';

/**
 * Runs an action and writes who did it, from where, and how it ended to the audit log. A failure
 * to write the log is logged but does not undo or hide what the billing already did.
 */
export async function audited<T>(
  context: GraphQLContext,
  entry: { action: AuditAction; login: string | null; subject?: string | null },
  run: () => Promise<T>,
): Promise<T> {
  const record = async (result: 'ok' | CabinetError['code']) => {
    try {
      await context.store.audit.record({ at: new Date().toISOString(), address: context.clientAddress, subject: entry.subject ?? null, login: entry.login, action: entry.action, result });
    } catch (error) {
      context.logger.error({ err: error, action: entry.action }, 'audit log write failed');
    }
  };
  try {
    const result = await run();
    await record('ok');
    return result;
  } catch (error) {
    await record(knownFailure(error)?.code ?? 'INTERNAL_ERROR');
    throw error;
  }
}
