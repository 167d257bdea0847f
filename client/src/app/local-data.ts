/**
 * Everything the cabinet keeps in the browser's local storage, in one place, so sign-out can be sure
 * it removed every private item. Storage can be missing or refuse writes (private modes, full quota):
 * then the cabinet simply works without it.
 */
const KEYS = {
  /** Private: the last dashboard, for offline use. */
  dashboard: 'abonent.dashboard',
  /** Private: a password reset in progress (login and ticket). */
  passwordReset: 'abonent.password-reset',
  /** Public: the cabinet's branding and capabilities, to open offline before anyone signs in. */
  cabinet: 'abonent.cabinet',
  /** Public: a sign-out made offline, whose server session is still to be ended when the network is back. */
  signOutPending: 'abonent.sign-out-pending',
  language: 'abonent.language',
  theme: 'abonent.theme',
} as const;

const PRIVATE_KEYS = [KEYS.dashboard, KEYS.passwordReset];

export interface Saved<T> {
  /** ISO 8601 instant when the data came from the BFF. */
  savedAt: string;
  data: T;
}

interface Envelope<T> extends Saved<T> {
  /** The shape the data was saved in; data saved by another version of the app is not trusted. */
  version: string;
}

function read(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Quota or a private mode: offline copies are a convenience, never a reason to fail.
  }
}

function remove(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing was stored then.
  }
}

function loadSaved<T>(storage: KeyValueStorage | null, key: string, version: string): Saved<T> | null {
  const text = read(storage, key);
  if (!text) return null;
  try {
    const envelope = JSON.parse(text) as Partial<Envelope<T>>;
    if (envelope.version !== version || typeof envelope.savedAt !== 'string' || !envelope.data) return null;
    return { savedAt: envelope.savedAt, data: envelope.data };
  } catch {
    return null;
  }
}

function saveSaved<T>(storage: KeyValueStorage | null, key: string, version: string, data: T, now: Date): Saved<T> {
  const saved: Envelope<T> = { version, savedAt: now.toISOString(), data };
  write(storage, key, JSON.stringify(saved));
  return { savedAt: saved.savedAt, data };
}

/** The part of the Web Storage API used here (and what a test can stand in for). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type ThemePreference = 'system' | 'light' | 'dark';

const isThemePreference = (value: unknown): value is ThemePreference => value === 'system' || value === 'light' || value === 'dark';

export function createLocalData(storage: KeyValueStorage | null) {
  return {
    loadDashboard: <T>(version: string) => loadSaved<T>(storage, KEYS.dashboard, version),
    saveDashboard: <T>(version: string, data: T, now = new Date()) => saveSaved(storage, KEYS.dashboard, version, data, now),
    /** When the session ended elsewhere: the dashboard goes, a password reset under way stays. */
    clearDashboard: () => remove(storage, KEYS.dashboard),
    loadCabinet: <T>(version: string) => loadSaved<T>(storage, KEYS.cabinet, version),
    saveCabinet: <T>(version: string, data: T, now = new Date()) => saveSaved(storage, KEYS.cabinet, version, data, now),
    loadPasswordReset: <T>(version: string) => loadSaved<T>(storage, KEYS.passwordReset, version),
    savePasswordReset: <T>(version: string, data: T, now = new Date()) => saveSaved(storage, KEYS.passwordReset, version, data, now),
    clearPasswordReset: () => remove(storage, KEYS.passwordReset),

    loadLanguage: () => read(storage, KEYS.language),
    saveLanguage: (language: string) => write(storage, KEYS.language, language),
    loadTheme: (): ThemePreference => {
      const theme = read(storage, KEYS.theme);
      return isThemePreference(theme) ? theme : 'system';
    },
    saveTheme: (theme: ThemePreference) => write(storage, KEYS.theme, theme),

    /** Sign-out: every private item goes; the language, the theme and the public branding stay. */
    clearPrivate: () => PRIVATE_KEYS.forEach((key) => remove(storage, key)),
    signOutPending: () => read(storage, KEYS.signOutPending) !== null,
    markSignOutPending: () => write(storage, KEYS.signOutPending, '1'),
    clearSignOutPending: () => remove(storage, KEYS.signOutPending),
  };
}

export type LocalData = ReturnType<typeof createLocalData>;

function browserStorage(): KeyValueStorage | null {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

export const localData = createLocalData(browserStorage());
