import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionManager } from '../../../server/auth/sessions.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';

describe('sessions', () => {
  let dir: string;
  let clock: number;
  let store: Store;
  let sessions: SessionManager;
  const identity = { login: 'BILL0000101', accountId: '101', secret: 'suid-secret' };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'abonent-sessions-'));
    clock = Date.UTC(2026, 10, 22);
    store = openSqliteStore({ dataDir: dir, now: () => clock });
    sessions = new SessionManager(store.ephemeral, { idleMinutes: 30, maxMinutes: 120, secureCookie: false, now: () => clock });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a fresh random id each time and loads it back', async () => {
    const a = await sessions.open(identity, 'password');
    const b = await sessions.open(identity, 'password');
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await sessions.load(a.id))?.identity).toEqual(identity);
  });

  it('keeps a typed password only as a salted fingerprint that needs the session id, and compares it', async () => {
    const password = 'Typed-Password-41';
    const a = await sessions.open(identity, 'password', password);
    const b = await sessions.open(identity, 'password', password);
    const stored = JSON.stringify(await store.ephemeral.get(`session:${createHash('sha256').update(a.id).digest('hex')}`));
    expect(stored).toContain(a.passwordFingerprint!.hash);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(a.id);
    expect(a.passwordFingerprint!.hash).not.toBe(b.passwordFingerprint!.hash);
    expect(a.passwordFingerprint!.salt).not.toBe(b.passwordFingerprint!.salt);
    const loaded = (await sessions.load(a.id))!;
    expect(await sessions.signedInWith(loaded, password)).toBe(true);
    expect(await sessions.signedInWith(loaded, 'Typed-Password-42')).toBe(false);
    // The same record under another id (a leaked store replayed) matches nothing.
    expect(await sessions.signedInWith({ ...loaded, id: b.id }, password)).toBe(false);
    const byAddress = await sessions.open(identity, 'address');
    expect(byAddress.passwordFingerprint).toBeUndefined();
    expect(await sessions.signedInWith(byAddress, password)).toBe(false);
  });

  it('keeps only a hash of the id in the store', async () => {
    const session = await sessions.open(identity, 'password');
    expect(await store.ephemeral.get(`session:${session.id}`)).toBeNull();
  });

  it('ends after the idle time, and slides while used', async () => {
    const session = await sessions.open(identity, 'password');
    clock += 20 * 60_000;
    expect(await sessions.load(session.id)).not.toBeNull();
    clock += 20 * 60_000;
    expect(await sessions.load(session.id)).not.toBeNull();
    clock += 31 * 60_000;
    expect(await sessions.load(session.id)).toBeNull();
  });

  it('ends at the absolute lifetime however busy', async () => {
    const session = await sessions.open(identity, 'password');
    for (let minute = 0; minute < 119; minute += 10) {
      clock += 10 * 60_000;
      if (minute < 110) expect(await sessions.load(session.id)).not.toBeNull();
    }
    clock += 10 * 60_000;
    expect(await sessions.load(session.id)).toBeNull();
  });

  it('ends every session of an account after a password change, and not later ones', async () => {
    const phone = await sessions.open(identity, 'password');
    const laptop = await sessions.open(identity, 'address');
    const other = await sessions.open({ ...identity, login: 'BILL0000102', accountId: '102' }, 'password');
    clock += 1000;
    await sessions.closeAllOf('101');
    expect(await sessions.load(phone.id)).toBeNull();
    expect(await sessions.load(laptop.id)).toBeNull();
    expect(await sessions.load(other.id)).not.toBeNull();
    clock += 1000;
    const fresh = await sessions.open(identity, 'password');
    expect(await sessions.load(fresh.id)).not.toBeNull();
  });

  it('asks for a re-check of the credential after ten minutes of use, and not before', async () => {
    const session = await sessions.open(identity, 'password');
    clock += 9 * 60_000;
    const used = (await sessions.load(session.id))!;
    expect(sessions.recheckDue(used)).toBe(false);
    clock += 60_000;
    const due = (await sessions.load(session.id))!;
    expect(sessions.recheckDue(due)).toBe(true);
    await sessions.markVerified(due);
    expect(sessions.recheckDue((await sessions.load(session.id))!)).toBe(false);
  });

  it('closes on the server', async () => {
    const session = await sessions.open(identity, 'password');
    await sessions.close(session.id);
    expect(await sessions.load(session.id)).toBeNull();
  });

  it('reads the id from its cookie or a bearer token, and nothing else', () => {
    const id = 'a'.repeat(43);
    expect(sessions.readId(`other=1; abonent_session=${id}`, undefined)).toBe(id);
    expect(sessions.readId(undefined, `Bearer ${id}`)).toBe(id);
    expect(sessions.readId('abonent_session_x=zzz', 'Basic abc')).toBeNull();
    expect(sessions.setCookie(id)).toMatch(/HttpOnly; SameSite=Lax/);
    expect(sessions.setCookie(id)).not.toMatch(/Secure/);
    const secure = new SessionManager(store.ephemeral, { idleMinutes: 1, maxMinutes: 2, secureCookie: true });
    expect(secure.setCookie(id)).toMatch(/^__Host-abonent_session=.*; Secure/);
  });
});
