import type pg from 'pg';
import { assertTransition, type TopUp, type TopUpEvent, type TopUpLedger, type TopUpState } from '../payments/ledger.js';
import { topUpFromRow, type TopUpRow } from './top-up-row.js';

/** The pool's query with the store's failure handling (an unreachable server fails as UPSTREAM_UNAVAILABLE). */
export type PostgresQuery = <Row extends pg.QueryResultRow>(operation: string, text: string, values?: unknown[]) => Promise<pg.QueryResult<Row>>;

/** The migration step that creates the ledger's tables (see MIGRATIONS in postgres.ts). */
export const TOP_UPS_MIGRATION = `
  CREATE TABLE top_ups (
    id text PRIMARY KEY,
    account_id text NOT NULL,
    login text NOT NULL,
    amount numeric(14, 2) NOT NULL,
    currency text NOT NULL,
    method text NOT NULL,
    state text NOT NULL,
    acquirer_reference text,
    billing_reference text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX top_ups_by_state ON top_ups (state, updated_at);
  CREATE TABLE top_up_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    top_up_id text NOT NULL REFERENCES top_ups (id),
    state text NOT NULL,
    at timestamptz NOT NULL,
    note text
  );
  CREATE INDEX top_up_events_by_top_up ON top_up_events (top_up_id, id);`;

interface TopUpRowWithHistory extends TopUpRow {
  history: { state: TopUpState; at: string; note: string | null }[];
}

const SELECT_WITH_HISTORY = `
  SELECT t.*, COALESCE((
    SELECT json_agg(json_build_object('state', e.state, 'at', e.at, 'note', e.note) ORDER BY e.id)
    FROM top_up_events e WHERE e.top_up_id = t.id), '[]') AS history
  FROM top_ups t`;

const read = (row: TopUpRowWithHistory): TopUp =>
  topUpFromRow(
    row,
    row.history.map((event): TopUpEvent => ({ state: event.state, at: new Date(event.at).toISOString(), note: event.note })),
  );

/**
 * The top-up ledger in PostgreSQL, shared by every instance. A move is one statement: the
 * conditional UPDATE and the event it writes commit together, and under READ COMMITTED a second
 * UPDATE of the same row waits for the first and then finds the state already changed.
 */
export function postgresTopUpLedger(query: PostgresQuery): TopUpLedger {
  const get = async (id: string) => {
    const result = await query<TopUpRowWithHistory>('top-up get', `${SELECT_WITH_HISTORY} WHERE t.id = $1`, [id]);
    return result.rows[0] ? read(result.rows[0]) : null;
  };
  return {
    async create(entry) {
      await query(
        'top-up create',
        `WITH created AS (
           INSERT INTO top_ups (id, account_id, login, amount, currency, method, state, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'CREATED', now(), now()) RETURNING id, created_at)
         INSERT INTO top_up_events (top_up_id, state, at) SELECT id, 'CREATED', created_at FROM created`,
        [entry.id, entry.accountId, entry.login, entry.amount.amount, entry.amount.currency, entry.method],
      );
      return (await get(entry.id))!;
    },
    get,
    async transition(id, from, to, details) {
      assertTransition(from, to);
      if (from.length === 0) return null;
      const result = await query<{ id: string }>(
        'top-up transition',
        `WITH moved AS (
           UPDATE top_ups SET state = $2, updated_at = clock_timestamp(),
             acquirer_reference = COALESCE($4, acquirer_reference), billing_reference = COALESCE($5, billing_reference)
           WHERE id = $1 AND state = ANY($3::text[]) RETURNING id, updated_at),
         recorded AS (INSERT INTO top_up_events (top_up_id, state, at, note) SELECT id, $2, updated_at, $6 FROM moved)
         SELECT id FROM moved`,
        [id, to, from, details?.acquirerReference ?? null, details?.billingReference ?? null, details?.note ?? null],
      );
      return result.rows.length === 1 ? get(id) : null;
    },
    async noteAcquirerReference(id, reference) {
      await query('top-up reference', 'UPDATE top_ups SET acquirer_reference = $2 WHERE id = $1', [id, reference]);
    },
    async list({ states, updatedBefore, limit = 100 }) {
      if (states && states.length === 0) return [];
      const result = await query<TopUpRowWithHistory>(
        'top-up list',
        `${SELECT_WITH_HISTORY} WHERE ($1::text[] IS NULL OR t.state = ANY($1::text[])) AND ($2::timestamptz IS NULL OR t.updated_at < $2)
         ORDER BY t.updated_at, t.id LIMIT $3`,
        [states ?? null, updatedBefore ?? null, limit],
      );
      return result.rows.map(read);
    },
    async recentOf(accountId, limit) {
      const result = await query<TopUpRowWithHistory>('top-up recent', `${SELECT_WITH_HISTORY} WHERE t.account_id = $1 ORDER BY t.created_at DESC, t.id LIMIT $2`, [accountId, limit]);
      return result.rows.map(read);
    },
  };
}
