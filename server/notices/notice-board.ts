/** A notice the ISP published through the cabinet (`npm run announce`), shown on every billing. */
export interface CabinetNotice {
  id: number;
  title: string;
  body: string;
  /** ISO 8601 */
  publishedAt: string;
  /** ISO 8601; after it the notice is no longer shown. Null: until a newer notice replaces it in the subscriber's eyes. */
  until: string | null;
}

/** Durable: the ISP's own notices, in SQLite or PostgreSQL. */
export interface NoticeBoard {
  publish(notice: { title: string; body: string; until: string | null }): Promise<CabinetNotice>;
  /** The notices not expired at `now`, newest first. */
  current(now: Date): Promise<CabinetNotice[]>;
  /**
   * The notices not expired and not pushed yet, marked pushed in the same step: however many
   * instances ask at once, each notice is handed to one of them, once.
   */
  claimUnpushed(now: Date): Promise<CabinetNotice[]>;
}

/** How many notices the board shows at most; an ISP posting more keeps only the newest on screen. */
export const SHOWN_NOTICES = 20;
