import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { LogoutMutation } from '../features/auth/documents.js';
import { StartQuery } from '../features/dashboard/documents.js';
import type { CabinetFieldsFragment, DashboardFieldsFragment, ServiceFieldsFragment, StartQuery as StartData } from '../gql/graphql.js';
import { formatsWarm } from '../i18n/warm-up.js';
import { ApiError, asApiError, onSessionEnded, persistedHash, request, type ApiResult } from './api.js';
import { localData, type Saved } from './local-data.js';

export type Cabinet = CabinetFieldsFragment;
export type Me = DashboardFieldsFragment;
export type Service = ServiceFieldsFragment;

/** Where the shown dashboard came from when it is not fresh from the billing. */
export type StaleReason = 'offline' | 'billing-down';

export interface CabinetState {
  /** `unreachable`: no connection and nothing saved, so not even the sign-in form can be shown. */
  phase: 'loading' | 'ready' | 'unreachable';
  cabinet: Cabinet | null;
  /** The signed-in subscriber's dashboard and when it was read; null when nobody is signed in. */
  dashboard: Saved<Me> | null;
  /** Set when `dashboard` is the copy saved earlier rather than a fresh answer. */
  stale: StaleReason | null;
  /** Why the dashboard could not be read, when there is no saved copy to show either. */
  dashboardError: ApiError | null;
  /** Changes (payments, services, sign-in) can be sent now. */
  canAct: boolean;
  /** The session ended while the dashboard was open: the sign-in form says so. */
  sessionEnded: boolean;
  /**
   * A sign-out made without a connection: `pending` while the server session is still open (the
   * cookie outlives the page's data), `finished` once it was ended on reconnection. The sign-in form says which.
   */
  offlineSignOut: 'pending' | 'finished' | null;
}

export interface CabinetActions {
  refresh(): Promise<void>;
  /** After sign-in or a change that returns the whole dashboard. */
  showDashboard(me: Me): void;
  updateService(service: Service): void;
  /**
   * Signs out: everything private in this browser goes at once, and the server session is ended now
   * or, without a connection, as soon as the network is back; until then nothing private is shown.
   */
  signOut(beforeLogout: () => Promise<void>): Promise<void>;
}

// Saved copies are tied to the shape of the Start query: after an app update changes it, old copies are ignored.
const SAVED_SHAPE = persistedHash(StartQuery);

const initialState = (): CabinetState => ({
  phase: 'loading',
  cabinet: null,
  dashboard: null,
  stale: null,
  dashboardError: null,
  canAct: false,
  sessionEnded: false,
  offlineSignOut: localData.signOutPending() ? 'pending' : null,
});

/** What one load finds; whether a session just ended is the loader's to remember across loads. */
type LoadedState = Omit<CabinetState, 'sessionEnded' | 'offlineSignOut'>;

/**
 * Ends the server session of a sign-out made offline, before anything else is read: with the cookie
 * still valid, the next read would bring the account back. True once nothing is left to end.
 */
async function endPendingServerSession(): Promise<boolean> {
  if (!localData.signOutPending()) return true;
  try {
    const { data } = await request(LogoutMutation);
    if (data?.logout !== true) return false;
  } catch {
    return false;
  }
  localData.clearSignOutPending();
  return true;
}

function savedState(reason: StaleReason, online: boolean): LoadedState {
  const cabinet = localData.loadCabinet<Cabinet>(SAVED_SHAPE)?.data ?? null;
  const dashboard = localData.loadDashboard<Me>(SAVED_SHAPE);
  return {
    phase: cabinet ? 'ready' : 'unreachable',
    cabinet,
    dashboard,
    stale: reason,
    dashboardError: null,
    canAct: reason === 'billing-down' && online,
  };
}

let firstRead: Promise<ApiResult<StartData>> | null = null;

/**
 * Sends the first Start query now: main.tsx calls it before React starts, so the answer travels
 * beside the dictionary and React's first render instead of after them. The first load takes it.
 * A sign-out still to be finished on the server goes first, so then the load reads for itself.
 */
export function startFirstRead(): void {
  if (localData.signOutPending()) return;
  firstRead = request(StartQuery);
  // Its failure is the first load's to handle, not an unhandled rejection in the meantime.
  firstRead.catch(() => undefined);
}

function readStart(): Promise<ApiResult<StartData>> {
  const read = firstRead ?? request(StartQuery);
  firstRead = null;
  return read;
}

async function loadState(online: boolean): Promise<LoadedState> {
  let result;
  try {
    result = await readStart();
  } catch (error) {
    if (asApiError(error).code === 'NETWORK') return savedState('offline', online);
    throw error;
  }
  const cabinet = result.data?.cabinet;
  if (!cabinet) {
    // Without the cabinet the BFF itself is failing; the saved copy is the best there is.
    return savedState('offline', online);
  }
  localData.saveCabinet(SAVED_SHAPE, cabinet);
  const meError = result.errors.find((error) => error.path[0] === 'me' || error.path.length === 0);
  const me = result.data?.me ?? null;

  if (me) {
    const dashboard = localData.saveDashboard(SAVED_SHAPE, me);
    return { phase: 'ready', cabinet, dashboard, stale: null, dashboardError: null, canAct: true };
  }
  if (!meError || meError.code === 'UNAUTHENTICATED') {
    // Nobody is signed in (or the session ended elsewhere): the last dashboard must not stay behind.
    localData.clearDashboard();
    return { phase: 'ready', cabinet, dashboard: null, stale: null, dashboardError: null, canAct: true };
  }
  const saved = localData.loadDashboard<Me>(SAVED_SHAPE);
  const billingDown = meError.code === 'UPSTREAM_UNAVAILABLE' || meError.code === 'UPSTREAM_ERROR';
  if (saved && billingDown) {
    return { phase: 'ready', cabinet, dashboard: saved, stale: 'billing-down', dashboardError: null, canAct: true };
  }
  return { phase: 'ready', cabinet, dashboard: null, stale: null, dashboardError: meError, canAct: true };
}

/** How long a dashboard shown from a resumed app may be before it is read again. */
const RESUME_REFRESH_MS = 60_000;

export function useCabinetLoader(): CabinetState & CabinetActions {
  const [state, setState] = useState<CabinetState>(initialState);
  const [online, setOnline] = useState(() => navigator.onLine);
  const loading = useRef<Promise<void> | null>(null);
  const shownSince = useRef<string | null>(null);
  useEffect(() => {
    shownSince.current = state.dashboard?.savedAt ?? null;
  }, [state.dashboard]);

  const refresh = useCallback((): Promise<void> => {
    // One load at a time: the online event, a resume and a button press may all ask at once.
    // A transition: React renders the first dashboard in slices and the page keeps answering meanwhile.
    const show = (loaded: LoadedState) =>
      startTransition(() => setState((current) => {
        const pending = localData.signOutPending();
        // A sign-out made while this load was on its way wins over what the load found.
        const dashboard = pending ? null : loaded.dashboard;
        const offlineSignOut = pending ? 'pending' : current.offlineSignOut && !dashboard ? 'finished' : null;
        return { ...loaded, dashboard, offlineSignOut, sessionEnded: dashboard === null && current.sessionEnded };
      }));
    const offline = () => savedState('offline', navigator.onLine);
    loading.current ??= endPendingServerSession()
      .then((ended) => (ended ? loadState(navigator.onLine) : offline()))
      // A dashboard is full of amounts and dates: it waits for the formats, so that loading them
      // does not block its first render.
      .then((loaded) => (loaded.dashboard ? formatsWarm().then(() => loaded) : loaded))
      .then(show)
      .catch(() => show(offline()))
      .finally(() => {
        loading.current = null;
      });
    return loading.current;
  }, []);

  useEffect(() => {
    void refresh();
    const wentOnline = () => {
      setOnline(true);
      void refresh();
    };
    const wentOffline = () => setOnline(false);
    const resumed = () => {
      const since = shownSince.current;
      if (document.visibilityState === 'visible' && since && Date.now() - Date.parse(since) > RESUME_REFRESH_MS) void refresh();
    };
    const sessionEnded = () => {
      localData.clearDashboard();
      setState((current) => (current.dashboard ? { ...current, dashboard: null, stale: null, sessionEnded: true } : current));
    };
    const stopListening = onSessionEnded(sessionEnded);
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    document.addEventListener('visibilitychange', resumed);
    return () => {
      stopListening();
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
      document.removeEventListener('visibilitychange', resumed);
    };
  }, [refresh]);

  const showDashboard = useCallback((me: Me) => {
    setState((current) => ({
      ...current,
      dashboard: localData.saveDashboard(SAVED_SHAPE, me),
      stale: null,
      dashboardError: null,
      canAct: true,
      sessionEnded: false,
      offlineSignOut: null,
    }));
    // Signing in ended whatever session this browser still had on the server.
    localData.clearSignOutPending();
  }, []);

  const updateService = useCallback((service: Service) => {
    setState((current) => {
      if (!current.dashboard) return current;
      const me = current.dashboard.data;
      const services = me.services.map((known) => (known.id === service.id ? service : known));
      return { ...current, dashboard: localData.saveDashboard(SAVED_SHAPE, { ...me, services }) };
    });
  }, []);

  const signOut = useCallback(
    async (beforeLogout: () => Promise<void>) => {
      localData.clearPrivate();
      localData.markSignOutPending();
      setState((current) => ({ ...current, dashboard: null, stale: null, dashboardError: null }));
      await beforeLogout().catch(() => undefined);
      // A load already on its way may have started before the sign-out; the next one ends the session first.
      await loading.current;
      await refresh();
    },
    [refresh],
  );

  return useMemo(
    () => ({ ...state, canAct: state.canAct && online, refresh, showDashboard, updateService, signOut }),
    [state, online, refresh, showDashboard, updateService, signOut],
  );
}

export const CabinetContext = createContext<(CabinetState & CabinetActions) | null>(null);

export function useCabinet(): CabinetState & CabinetActions {
  const value = useContext(CabinetContext);
  if (!value) throw new Error('useCabinet outside <CabinetContext>');
  return value;
}

/** For screens shown only when signed in and ready: the cabinet and the dashboard, never null. */
export function useSignedIn(): CabinetState & CabinetActions & { cabinet: Cabinet; me: Me } {
  const value = useCabinet();
  if (!value.cabinet || !value.dashboard) throw new Error('useSignedIn before sign-in');
  return { ...value, cabinet: value.cabinet, me: value.dashboard.data };
}
