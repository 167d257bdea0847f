import { SHOWN_NOTICES, type CabinetNotice, type NoticeBoard } from '../notices/notice-board.js';
import type { PostgresQuery } from './postgres-top-ups.js';

/** The migration step that creates the notices' table (see MIGRATIONS in postgres.ts). */
export const NOTICES_MIGRATION = `
  CREATE TABLE notices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    until timestamptz,
    pushed_at timestamptz
  );
  CREATE INDEX notices_unpushed ON notices (pushed_at) WHERE pushed_at IS NULL;`;

interface NoticeRow {
  id: string;
  title: string;
  body: string;
  published_at: Date;
  until: Date | null;
}

const COLUMNS = 'id, title, body, published_at, until';

const read = (row: NoticeRow): CabinetNotice => ({
  id: Number(row.id),
  title: row.title,
  body: row.body,
  publishedAt: row.published_at.toISOString(),
  until: row.until?.toISOString() ?? null,
});

/** The ISP's notices in PostgreSQL; claiming for the push is one UPDATE ... RETURNING, so one instance wins each. */
export function postgresNoticeBoard(query: PostgresQuery): NoticeBoard {
  return {
    async publish(notice) {
      const result = await query<NoticeRow>('notices publish', `INSERT INTO notices (title, body, until) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
        notice.title,
        notice.body,
        notice.until,
      ]);
      return read(result.rows[0]!);
    },
    async current(now) {
      const result = await query<NoticeRow>(
        'notices current',
        `SELECT ${COLUMNS} FROM notices WHERE until IS NULL OR until > $1 ORDER BY id DESC LIMIT $2`,
        [now, SHOWN_NOTICES],
      );
      return result.rows.map(read);
    },
    async claimUnpushed(now) {
      const result = await query<NoticeRow>(
        'notices claim',
        `UPDATE notices SET pushed_at = $1 WHERE pushed_at IS NULL AND (until IS NULL OR until > $1) RETURNING ${COLUMNS}`,
        [now],
      );
      return result.rows.map(read).sort((a, b) => a.id - b.id);
    },
  };
}
