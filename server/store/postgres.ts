import pg from 'pg';
import { NOTICES_MIGRATION, postgresNoticeBoard } from './postgres-notices.js';
import { postgresTopUpLedger, TOP_UPS_MIGRATION } from './postgres-top-ups.js';
import type { Logger } from '../logger.js';
import type { AuditAction, AuditEntry, DependencyCheck, DurableState, PushRegistration, StoredPushRegistration } from './store.js';
import { MAX_PUSH_REGISTRATIONS_PER_ACCOUNT, pushAddress, storeFailureReason, storeUnavailable } from './store.js';

export interface PostgresStateOptions {
  /** postgres:// or postgresql:// (DATABASE_URL); it may carry a password, so it is never logged. */
  url: string;
  /** The schema the tables live in (DATABASE_SCHEMA); created when missing unless it is `public`. */
  schema: string;
  logger?: Logger;
}

export interface PostgresState extends DurableState {
  check(): Promise<DependencyCheck>;
  close(): Promise<void>;
}

export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The schema, one step per release, applied in order at start and recorded in
 * abonent_migrations. Never edit a step that has shipped: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE push_registrations (
     address text PRIMARY KEY,
     account_id text NOT NULL,
     login text NOT NULL,
     registration jsonb NOT NULL,
     locale text,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX push_registrations_by_account ON push_registrations (account_id);
   CREATE TABLE audit_log (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at timestamptz NOT NULL,
     action text NOT NULL,
     login text,
     address text NOT NULL,
     subject text,
     result text NOT NULL
   );
   CREATE INDEX audit_log_by_time ON audit_log (at);
   CREATE TABLE settings (
     name text PRIMARY KEY,
     value jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );`,
  TOP_UPS_MIGRATION,
  NOTICES_MIGRATION,
];

/**
 * Push subscriptions, the audit log and settings (the generated VAPID keys) in PostgreSQL, shared
 * by every instance. Migrations run at start under an advisory lock, so instances starting
 * together apply each step once. A query that cannot reach the server fails as
 * UPSTREAM_UNAVAILABLE; the pool opens new connections when the server is back.
 */
export async function openPostgresState(options: PostgresStateOptions): Promise<PostgresState> {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error('DATABASE_SCHEMA must be a lower-case SQL name');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    query_timeout: 5000,
    application_name: 'abonent',
    options: `-c search_path=${options.schema}`,
  });
  // An idle connection that the server dropped: the pool forgets it and the next query opens another.
  pool.on('error', (error) => options.logger?.warn({ store: 'postgresql', reason: storeFailureReason(error) }, 'store connection lost'));
  try {
    await migrate(pool, options.schema);
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL (DATABASE_URL) could not be prepared: ${storeFailureReason(error)}`, { cause: error });
  }

  const query = async <Row extends pg.QueryResultRow>(operation: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> => {
    try {
      return await pool.query<Row>(text, values);
    } catch (error) {
      if (isUnreachable(error)) throw storeUnavailable(`postgresql ${operation}: ${storeFailureReason(error)}`, error);
      throw error;
    }
  };

  return {
    topUps: postgresTopUpLedger(query),
    notices: postgresNoticeBoard(query),
    push: {
      async save(entry) {
        const address = pushAddress(entry.registration);
        // A new address only while the subscriber is under the limit; an existing one only renewed by
        // its own subscriber. The subscriber's registrations are counted and added under a lock on the
        // account for the transaction, so parallel ones (on any instance) cannot pass the limit together.
        const saved = await transaction(pool, 'push save', async (client) => {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`abonent push ${entry.accountId}`]);
          return client.query(
          `INSERT INTO push_registrations (address, account_id, login, registration, locale)
           SELECT $1, $2, $3, $4, $5
           WHERE EXISTS (SELECT 1 FROM push_registrations WHERE address = $1)
              OR (SELECT COUNT(*) FROM push_registrations WHERE account_id = $2) < $6
           ON CONFLICT (address) DO UPDATE SET login = excluded.login, registration = excluded.registration, locale = excluded.locale
           WHERE push_registrations.account_id = excluded.account_id`,
          [address, entry.accountId, entry.login, JSON.stringify(entry.registration), entry.locale, MAX_PUSH_REGISTRATIONS_PER_ACCOUNT],
          );
        });
        if ((saved.rowCount ?? 0) > 0) return 'saved';
        const owner = await query<{ account_id: string }>('push owner', 'SELECT account_id FROM push_registrations WHERE address = $1', [address]);
        return owner.rows[0] && owner.rows[0].account_id !== entry.accountId ? 'taken' : 'limit';
      },
      async remove(accountId, endpointOrToken) {
        const result = await query('push remove', 'DELETE FROM push_registrations WHERE account_id = $1 AND address = $2', [accountId, endpointOrToken]);
        return (result.rowCount ?? 0) > 0;
      },
      async removeAllOf(accountId) {
        await query('push remove all', 'DELETE FROM push_registrations WHERE account_id = $1', [accountId]);
      },
      async listFor(accountId) {
        const result = await query<{ account_id: string; login: string; registration: PushRegistration; locale: string | null; created_at: Date }>(
          'push list',
          'SELECT account_id, login, registration, locale, created_at FROM push_registrations WHERE account_id = $1 ORDER BY created_at, address',
          [accountId],
        );
        return result.rows.map(
          (row): StoredPushRegistration => ({
            accountId: row.account_id,
            login: row.login,
            registration: row.registration,
            locale: row.locale,
            createdAt: row.created_at.toISOString(),
          }),
        );
      },
      async accounts() {
        const result = await query<{ accountId: string; login: string }>(
          'push accounts',
          'SELECT account_id AS "accountId", MAX(login) AS login FROM push_registrations GROUP BY account_id ORDER BY account_id',
        );
        return result.rows;
      },
    },
    audit: {
      async record(entry) {
        await query('audit record', 'INSERT INTO audit_log (at, action, login, address, subject, result) VALUES ($1, $2, $3, $4, $5, $6)', [
          entry.at,
          entry.action,
          entry.login,
          entry.address,
          entry.subject,
          entry.result,
        ]);
      },
      async recent(limit) {
        const result = await query<{ at: Date; action: AuditAction; login: string | null; address: string; subject: string | null; result: AuditEntry['result'] }>(
          'audit recent',
          'SELECT at, action, login, address, subject, result FROM audit_log ORDER BY id DESC LIMIT $1',
          [limit],
        );
        return result.rows.map((row) => ({ ...row, at: row.at.toISOString() }));
      },
    },
    settings: {
      async getOrCreate<T>(name: string, create: () => T | Promise<T>) {
        const select = () => query<{ value: T }>('settings get', 'SELECT value FROM settings WHERE name = $1', [name]);
        const stored = (await select()).rows[0];
        if (stored) return stored.value;
        await query('settings create', 'INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, JSON.stringify(await create())]);
        // Another instance may have stored first while `create` ran: the stored value wins.
        return (await select()).rows[0]!.value;
      },
    },
    async check() {
      const started = performance.now();
      try {
        await pool.query('SELECT 1');
        return { name: 'postgresql', ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { name: 'postgresql', ok: false, latencyMs: Math.round(performance.now() - started), error: storeFailureReason(error) };
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  await transaction(pool, 'migrations', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`abonent migrations ${schema}`]);
    if (schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS abonent_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = (await client.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM abonent_migrations')).rows[0]!.version;
    for (let step = applied; step < MIGRATIONS.length; step += 1) {
      await client.query(MIGRATIONS[step]!);
      await client.query('INSERT INTO abonent_migrations (version) VALUES ($1)', [step + 1]);
    }
  });
}

/** Runs `work` in one transaction on one connection; an unreachable server is STORE_UNAVAILABLE. */
async function transaction<T>(pool: pg.Pool, operation: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    if (isUnreachable(error)) throw storeUnavailable(`postgresql ${operation}: ${storeFailureReason(error)}`, error);
    throw error;
  }
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (isUnreachable(error)) throw storeUnavailable(`postgresql ${operation}: ${storeFailureReason(error)}`, error);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The server did not answer or dropped the connection (SQLSTATE classes 08, 53, 57, or a socket
 * error, which has no SQLSTATE). Anything else is a bug in a query and stays as it is.
 */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(08|53|57)/.test(code);
  return true;
}
