import { describe, expect, it } from 'vitest';
import { createLocalData, type KeyValueStorage } from '../../../client/src/app/local-data.js';

/** Local storage backed by a Map. */
function memoryStorage(): KeyValueStorage & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
    keys: () => [...items.keys()],
  };
}

const dashboard = { login: 'BILL0000101', balance: { amount: '412.50', currency: 'UAH' } };

describe('offline snapshot store', () => {
  it('gives back the last dashboard with the time it was read', () => {
    const data = createLocalData(memoryStorage());
    const now = new Date('2026-11-22T10:42:00Z');
    data.saveDashboard('shape-1', dashboard, now);
    expect(data.loadDashboard('shape-1')).toEqual({ savedAt: '2026-11-22T10:42:00.000Z', data: dashboard });
  });

  it('ignores a copy saved in another shape (an older app version) and garbage', () => {
    const storage = memoryStorage();
    const data = createLocalData(storage);
    data.saveDashboard('shape-1', dashboard);
    expect(data.loadDashboard('shape-2')).toBeNull();
    storage.setItem('abonent.dashboard', '{not json');
    expect(data.loadDashboard('shape-1')).toBeNull();
    storage.setItem('abonent.dashboard', JSON.stringify({ version: 'shape-1', savedAt: 5, data: dashboard }));
    expect(data.loadDashboard('shape-1')).toBeNull();
  });

  it('clears every private item on sign-out and keeps language, theme and the public branding', () => {
    const storage = memoryStorage();
    const data = createLocalData(storage);
    data.saveDashboard('shape-1', dashboard);
    data.savePasswordReset('reset-1', { login: 'BILL0000101', ticket: 't'.repeat(20) });
    data.saveCabinet('shape-1', { name: 'Abonent' });
    data.saveLanguage('uk');
    data.saveTheme('dark');
    data.clearPrivate();
    expect(storage.keys().sort()).toEqual(['abonent.cabinet', 'abonent.language', 'abonent.theme']);
    expect(data.loadDashboard('shape-1')).toBeNull();
    expect(data.loadPasswordReset('reset-1')).toBeNull();
    expect(data.loadTheme()).toBe('dark');
  });

  it('works without storage, or with one that refuses every call', () => {
    const refusing = memoryStorage();
    const fail = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Object.assign(refusing, { getItem: fail, setItem: fail, removeItem: fail });
    for (const data of [createLocalData(null), createLocalData(refusing)]) {
      expect(data.saveDashboard('shape-1', dashboard).data).toEqual(dashboard);
      expect(data.loadDashboard('shape-1')).toBeNull();
      expect(data.loadTheme()).toBe('system');
      expect(() => data.clearPrivate()).not.toThrow();
    }
  });
});
