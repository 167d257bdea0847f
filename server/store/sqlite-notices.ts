import type Database from 'better-sqlite3';
import { SHOWN_NOTICES, type CabinetNotice, type NoticeBoard } from '../notices/notice-board.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at TEXT NOT NULL,
    until TEXT,
    pushed_at TEXT
  );
  CREATE INDEX IF NOT EXISTS notices_unpushed ON notices (pushed_at);
`;

interface NoticeRow {
  id: number;
  title: string;
  body: string;
  published_at: string;
  until: string | null;
}

const read = (row: NoticeRow): CabinetNotice => ({ id: row.id, title: row.title, body: row.body, publishedAt: row.published_at, until: row.until });

/** The ISP's notices in the SQLite file; the claim for pushing is one UPDATE in a write transaction. */
export function sqliteNoticeBoard(db: Database.Database): NoticeBoard {
  db.exec(SCHEMA);
  const insert = db.prepare<[string, string, string, string | null], NoticeRow>(
    'INSERT INTO notices (title, body, published_at, until) VALUES (?, ?, ?, ?) RETURNING id, title, body, published_at, until',
  );
  const current = db.prepare<[string, number], NoticeRow>(
    'SELECT id, title, body, published_at, until FROM notices WHERE until IS NULL OR until > ? ORDER BY id DESC LIMIT ?',
  );
  const unpushed = db.prepare<[string], NoticeRow>('SELECT id, title, body, published_at, until FROM notices WHERE pushed_at IS NULL AND (until IS NULL OR until > ?) ORDER BY id');
  const markPushed = db.prepare('UPDATE notices SET pushed_at = ? WHERE pushed_at IS NULL AND (until IS NULL OR until > ?)');
  const claim = db.transaction((at: string) => {
    const rows = unpushed.all(at);
    markPushed.run(at, at);
    return rows;
  });
  return {
    async publish(notice) {
      return read(insert.get(notice.title, notice.body, new Date().toISOString(), notice.until)!);
    },
    async current(now) {
      return current.all(now.toISOString(), SHOWN_NOTICES).map(read);
    },
    async claimUnpushed(now) {
      return claim.immediate(now.toISOString()).map(read);
    },
  };
}
