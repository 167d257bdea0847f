/**
 * Web Push needs the Push API, notifications and the service worker, which the app registers only
 * in a build (see app/service-worker.ts). Kept apart from the rest of push so the first screen can
 * ask without loading it.
 */
export const browserSupportsPush = (): boolean =>
  !import.meta.env.DEV && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
