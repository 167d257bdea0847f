import type { Announcement } from '../domain/types.js';
import type { EphemeralStore } from '../store/store.js';
import type { CabinetNotice } from './notice-board.js';

/** The newest cabinet notice a subscriber has marked read; everything up to it counts as read. */
const readMarkKey = (accountId: string) => `notices-read-up-to:${accountId}`;
/** Longer than any notice stays on screen. */
const READ_MARK_TTL_SECONDS = 400 * 24 * 60 * 60;

/** Cabinet notices get ids of their own, apart from any billing's. */
export const cabinetNoticeId = (notice: Pick<CabinetNotice, 'id'>) => `cabinet-${notice.id}`;

export async function cabinetAnnouncements(notices: readonly CabinetNotice[], store: EphemeralStore, accountId: string): Promise<Announcement[]> {
  const readUpTo = (await store.get<number>(readMarkKey(accountId))) ?? 0;
  return notices.map((notice) => ({ id: cabinetNoticeId(notice), title: notice.title, text: notice.body, at: notice.publishedAt, read: notice.id <= readUpTo }));
}

export async function markCabinetNoticesRead(notices: readonly CabinetNotice[], store: EphemeralStore, accountId: string): Promise<void> {
  const newest = Math.max(0, ...notices.map((notice) => notice.id));
  if (newest > 0) await store.set(readMarkKey(accountId), newest, READ_MARK_TTL_SECONDS);
}
