import { useSyncExternalStore } from 'react';
import { navigate } from './router.js';

/** Set while a new version waits: calling it lets the new service worker take over, then reloads. */
let applyUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // A tap on a notification shows its screen in the window already open, without reloading it (see sw.ts).
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; url?: unknown } | null>) => {
    if (event.data?.type === 'NAVIGATE' && typeof event.data.url === 'string') navigate(event.data.url);
  });
  // Loaded after the first screen is up: registration is never on the critical path.
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    // The old shell keeps working until the subscriber chooses; the reload then swaps it whole.
    applyUpdate = () => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    };
    listeners.forEach((listener) => listener());
  });
  await workbox.register();
  // An installed app can stay open for days: look for a new version whenever it comes back to the front.
  document.addEventListener('visibilitychange', () => {
    // Offline the check simply fails; the next return to the front tries again.
    if (document.visibilityState === 'visible') workbox.update().catch(() => undefined);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWaitingUpdate(): (() => void) | null {
  return useSyncExternalStore(subscribe, () => applyUpdate);
}
