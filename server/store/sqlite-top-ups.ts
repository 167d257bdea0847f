import type Database from 'better-sqlite3';
import { assertTransition, type TopUp, type TopUpEvent, type TopUpLedger, type TopUpState } from '../payments/ledger.js';
import { topUpFromRow, type TopUpRow } from './top-up-row.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS top_ups (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    login TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    method TEXT NOT NULL,
    state TEXT NOT NULL,
    acquirer_reference TEXT,
    billing_reference TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS top_ups_by_state ON top_ups (state, updated_at);
  CREATE INDEX IF NOT EXISTS top_ups_by_account ON top_ups (account_id, created_at);
  CREATE TABLE IF NOT EXISTS top_up_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    top_up_id TEXT NOT NULL REFERENCES top_ups (id),
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT
  );
  CREATE INDEX IF NOT EXISTS top_up_events_by_top_up ON top_up_events (top_up_id, id);
`;

/** The top-up ledger in the SQLite file. Each move is one UPDATE ... WHERE state IN (...): the row's state is the claim. */
export function sqliteTopUpLedger(db: Database.Database): TopUpLedger {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO top_ups (id, account_id, login, amount, currency, method, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('INSERT INTO top_up_events (top_up_id, state, at, note) VALUES (?, ?, ?, ?)');
  const select = db.prepare<[string], TopUpRow>('SELECT * FROM top_ups WHERE id = ?');
  const events = db.prepare<[string], TopUpEvent>('SELECT state, at, note FROM top_up_events WHERE top_up_id = ? ORDER BY id');
  const setReference = db.prepare('UPDATE top_ups SET acquirer_reference = ? WHERE id = ?');
  const read = (row: TopUpRow): TopUp => topUpFromRow(row, events.all(row.id));
  const create = db.transaction((entry: Parameters<TopUpLedger['create']>[0], at: string) => {
    insert.run(entry.id, entry.accountId, entry.login, entry.amount.amount, entry.amount.currency, entry.method, 'CREATED', at, at);
    insertEvent.run(entry.id, 'CREATED', at, null);
  });
  const move = db.transaction((id: string, from: readonly TopUpState[], to: TopUpState, details: Parameters<TopUpLedger['transition']>[3], at: string) => {
    const changed = db
      .prepare(
        `UPDATE top_ups SET state = ?, updated_at = ?,
           acquirer_reference = COALESCE(?, acquirer_reference), billing_reference = COALESCE(?, billing_reference)
         WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`,
      )
      .run(to, at, details?.acquirerReference ?? null, details?.billingReference ?? null, id, ...from).changes;
    if (changed !== 1) return false;
    insertEvent.run(id, to, at, details?.note ?? null);
    return true;
  });
  return {
    async create(entry) {
      create(entry, new Date().toISOString());
      return read(select.get(entry.id)!);
    },
    async get(id) {
      const row = select.get(id);
      return row ? read(row) : null;
    },
    async transition(id, from, to, details) {
      assertTransition(from, to);
      if (from.length === 0) return null;
      // IMMEDIATE takes the write lock before reading, so two processes sharing the file cannot both see the old state.
      const moved = move.immediate(id, from, to, details, new Date().toISOString());
      return moved ? read(select.get(id)!) : null;
    },
    async noteAcquirerReference(id, reference) {
      setReference.run(reference, id);
    },
    async list({ states, updatedBefore, limit = 100 }) {
      const conditions: string[] = [];
      const values: (string | number)[] = [];
      if (states) {
        if (states.length === 0) return [];
        conditions.push(`state IN (${states.map(() => '?').join(', ')})`);
        values.push(...states);
      }
      if (updatedBefore) {
        conditions.push('updated_at < ?');
        values.push(updatedBefore.toISOString());
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = db.prepare<(string | number)[], TopUpRow>(`SELECT * FROM top_ups ${where} ORDER BY updated_at, id LIMIT ?`).all(...values, limit);
      return rows.map(read);
    },
    async recentOf(accountId, limit) {
      return db.prepare<[string, number], TopUpRow>('SELECT * FROM top_ups WHERE account_id = ? ORDER BY created_at DESC, id LIMIT ?').all(accountId, limit).map(read);
    },
  };
}
