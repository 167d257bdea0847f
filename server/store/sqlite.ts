import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RateLimiterSQLite } from 'rate-limiter-flexible';
import { lockRunner, type LockKeeper } from './lock.js';
import { sqliteNoticeBoard } from './sqlite-notices.js';
import { sqliteTopUpLedger } from './sqlite-top-ups.js';
import type { AuditEntry, AuditLog, DurableSettings, EphemeralStore, PushRegistration, PushRegistry, PushSaveOutcome, Store, StoredPushRegistration } from './store.js';
import { MAX_PUSH_REGISTRATIONS_PER_ACCOUNT, pushAddress } from './store.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS ephemeral (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ephemeral_expiry ON ephemeral (expires_at);
  CREATE TABLE IF NOT EXISTS push_registrations (
    address TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    login TEXT NOT NULL,
    registration TEXT NOT NULL,
    locale TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS push_by_account ON push_registrations (account_id);
  CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    login TEXT,
    address TEXT NOT NULL,
    subject TEXT,
    result TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rate_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER);
  CREATE TABLE IF NOT EXISTS ephemeral_members (
    set_name TEXT NOT NULL,
    member TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (set_name, member)
  );
  CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
`;

/** One file under DATA_DIR: the single-machine default, nothing to install. */
export function openSqliteStore(options: { dataDir: string; now?: () => number }): Store {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(join(options.dataDir, 'abonent.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const now = options.now ?? Date.now;
  return {
    ephemeral: sqliteEphemeral(db, now),
    push: sqlitePushRegistry(db),
    audit: sqliteAuditLog(db),
    settings: sqliteSettings(db),
    topUps: sqliteTopUpLedger(db),
    notices: sqliteNoticeBoard(db),
    withLock: lockRunner(sqliteLocks(db, now)),
    limiter: (limits) =>
      new RateLimiterSQLite({
        storeClient: db,
        storeType: 'better-sqlite3',
        tableName: 'rate_limits',
        tableCreated: true,
        keyPrefix: limits.keyPrefix,
        points: limits.points,
        duration: limits.durationSeconds,
        blockDuration: limits.blockSeconds ?? 0,
      }),
    async ping() {
      const started = performance.now();
      let ok = false;
      try {
        ok = db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        // a closed or broken database file: not ready
      }
      return [{ name: 'sqlite' as const, ok, latencyMs: Math.round(performance.now() - started) }];
    },
    async close() {
      db.close();
    },
  };
}

function sqliteEphemeral(db: Database.Database, now: () => number): EphemeralStore {
  const select = db.prepare<[string, number], { value: string }>('SELECT value FROM ephemeral WHERE key = ? AND expires_at > ?');
  const upsert = db.prepare('INSERT INTO ephemeral (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at');
  const insertIfFree = db.prepare(
    'INSERT INTO ephemeral (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at WHERE ephemeral.expires_at <= ?',
  );
  const remove = db.prepare('DELETE FROM ephemeral WHERE key = ?');
  const purge = db.prepare('DELETE FROM ephemeral WHERE expires_at <= ?');
  const noteMember = db.prepare(
    'INSERT INTO ephemeral_members (set_name, member, expires_at) VALUES (?, ?, ?) ON CONFLICT (set_name, member) DO UPDATE SET expires_at = excluded.expires_at',
  );
  const purgeMembers = db.prepare('DELETE FROM ephemeral_members WHERE set_name = ? AND expires_at <= ?');
  const countMembers = db.prepare<[string, number], { count: number }>('SELECT COUNT(*) AS count FROM ephemeral_members WHERE set_name = ? AND expires_at > ?');
  const increment = db.transaction((key: string, ttlSeconds: number) => {
    const at = now();
    const current = select.get(key, at);
    const count = (current ? Number(JSON.parse(current.value)) : 0) + 1;
    if (current) db.prepare('UPDATE ephemeral SET value = ? WHERE key = ?').run(JSON.stringify(count), key);
    else upsert.run(key, JSON.stringify(count), at + ttlSeconds * 1000);
    return count;
  });
  let writes = 0;
  // Expired rows are skipped by every read; sweeping them now and then keeps the file small.
  const sweepSometimes = () => {
    if (++writes % 500 === 0) purge.run(now());
  };
  return {
    async get<T>(key: string) {
      const row = select.get(key, now());
      return row ? (JSON.parse(row.value) as T) : null;
    },
    async set(key, value, ttlSeconds) {
      upsert.run(key, JSON.stringify(value), now() + ttlSeconds * 1000);
      sweepSometimes();
    },
    async setIfAbsent(key, value, ttlSeconds) {
      const at = now();
      sweepSometimes();
      return insertIfFree.run(key, JSON.stringify(value), at + ttlSeconds * 1000, at).changes === 1;
    },
    async delete(key) {
      remove.run(key);
    },
    async increment(key, ttlSeconds) {
      sweepSometimes();
      return increment(key, ttlSeconds);
    },
    async noteMember(set, member, ttlSeconds) {
      noteMember.run(set, member, now() + ttlSeconds * 1000);
    },
    async countMembers(set) {
      const at = now();
      purgeMembers.run(set, at);
      return countMembers.get(set, at)?.count ?? 0;
    },
  };
}

/** Locks are rows of the ephemeral table whose value is the holder's token. */
function sqliteLocks(db: Database.Database, now: () => number): LockKeeper {
  const acquire = db.prepare(
    'INSERT INTO ephemeral (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at WHERE ephemeral.expires_at <= ?',
  );
  const renew = db.prepare('UPDATE ephemeral SET expires_at = ? WHERE key = ? AND value = ? AND expires_at > ?');
  const release = db.prepare('DELETE FROM ephemeral WHERE key = ? AND value = ?');
  return {
    async acquire(key, token, ttlSeconds) {
      const at = now();
      return acquire.run(key, JSON.stringify(token), at + ttlSeconds * 1000, at).changes === 1;
    },
    async renew(key, token, ttlSeconds) {
      const at = now();
      return renew.run(at + ttlSeconds * 1000, key, JSON.stringify(token), at).changes === 1;
    },
    async release(key, token) {
      release.run(key, JSON.stringify(token));
    },
  };
}

function sqliteSettings(db: Database.Database): DurableSettings {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?');
  const insert = db.prepare('INSERT INTO settings (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING');
  return {
    async getOrCreate<T>(name: string, create: () => T | Promise<T>) {
      const stored = select.get(name);
      if (stored) return JSON.parse(stored.value) as T;
      insert.run(name, JSON.stringify(await create()), new Date().toISOString());
      // Another process sharing the file may have stored first while `create` ran: the stored value wins.
      return JSON.parse(select.get(name)!.value) as T;
    },
  };
}

function sqlitePushRegistry(db: Database.Database): PushRegistry {
  const owner = db.prepare<[string], { account_id: string }>('SELECT account_id FROM push_registrations WHERE address = ?');
  const countOthers = db.prepare<[string, string], { count: number }>('SELECT COUNT(*) AS count FROM push_registrations WHERE account_id = ? AND address <> ?');
  const upsert = db.prepare(
    'INSERT INTO push_registrations (address, account_id, login, registration, locale, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET login = excluded.login, registration = excluded.registration, locale = excluded.locale WHERE push_registrations.account_id = excluded.account_id',
  );
  const remove = db.prepare('DELETE FROM push_registrations WHERE account_id = ? AND address = ?');
  const removeAll = db.prepare('DELETE FROM push_registrations WHERE account_id = ?');
  const list = db.prepare<[string], { account_id: string; login: string; registration: string; locale: string | null; created_at: string }>(
    'SELECT account_id, login, registration, locale, created_at FROM push_registrations WHERE account_id = ? ORDER BY created_at',
  );
  const accounts = db.prepare<[], { accountId: string; login: string }>(
    'SELECT account_id AS accountId, MAX(login) AS login FROM push_registrations GROUP BY account_id ORDER BY account_id',
  );
  // One transaction: the owner check, the count and the write see the same table.
  const save = db.transaction((entry: Omit<StoredPushRegistration, 'createdAt'>): PushSaveOutcome => {
    const address = pushAddress(entry.registration);
    const current = owner.get(address);
    if (current && current.account_id !== entry.accountId) return 'taken';
    if (!current && countOthers.get(entry.accountId, address)!.count >= MAX_PUSH_REGISTRATIONS_PER_ACCOUNT) return 'limit';
    upsert.run(address, entry.accountId, entry.login, JSON.stringify(entry.registration), entry.locale, new Date().toISOString());
    return 'saved';
  });
  return {
    async accounts() {
      return accounts.all();
    },
    async save(entry) {
      return save.immediate(entry);
    },
    async remove(accountId, endpointOrToken) {
      return remove.run(accountId, endpointOrToken).changes > 0;
    },
    async removeAllOf(accountId) {
      removeAll.run(accountId);
    },
    async listFor(accountId) {
      return list.all(accountId).map(
        (row): StoredPushRegistration => ({
          accountId: row.account_id,
          login: row.login,
          registration: JSON.parse(row.registration) as PushRegistration,
          locale: row.locale,
          createdAt: row.created_at,
        }),
      );
    },
  };
}

function sqliteAuditLog(db: Database.Database): AuditLog {
  const insert = db.prepare('INSERT INTO audit_log (at, action, login, address, subject, result) VALUES (?, ?, ?, ?, ?, ?)');
  const recent = db.prepare<[number], AuditEntry>('SELECT at, action, login, address, subject, result FROM audit_log ORDER BY id DESC LIMIT ?');
  return {
    async record(entry) {
      insert.run(entry.at, entry.action, entry.login, entry.address, entry.subject, entry.result);
    },
    async recent(limit) {
      return recent.all(limit);
    },
  };
}
