import { localData } from '../../app/local-data.js';
import type { ResetChannel } from '../../gql/graphql.js';

/** A reset asked for in this browser: the ticket the code belongs to. */
export interface PendingReset {
  login: string;
  ticket: string;
  channel: ResetChannel;
}

const SHAPE = 'pending-reset-1';

export const loadPendingReset = (): PendingReset | null => localData.loadPasswordReset<PendingReset>(SHAPE)?.data ?? null;

export const savePendingReset = (reset: PendingReset): void => {
  localData.savePasswordReset(SHAPE, reset);
};

export const clearPendingReset = (): void => localData.clearPasswordReset();

/** The link that opens the confirm step with the code filled in. */
export function resetLink(ticket: string, code: string): string {
  return `/reset?${new URLSearchParams({ ticket, code }).toString()}`;
}
