/// <reference lib="webworker" />
/**
 * The service worker: the app shell comes from the precache, so the cabinet opens offline and
 * fast on a slow network. Private data never enters a cache: GraphQL is POST and passes straight
 * through, and the last dashboard lives in the page's local storage, which sign-out clears.
 * It also shows the BFF's push notifications and opens the app where a tap on one leads.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PushAction, PushMessage } from '../../shared/push.js';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
// An update's new shell replaces the old one whole; the old precache goes once nothing uses it.
cleanupOutdatedCaches();

// Any in-app address opens the shell, but not the API, the demo's JSON or the BFF's generated manifest.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/graphql/, /^\/demo\//, /^\/manifest\.webmanifest/],
  }),
);

// The page asks for this when the subscriber taps "Reload" on "A new version is ready".
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** Where each action leads. There is no payment gateway: topping up starts from the dashboard's amount to pay. */
const ACTION_PATHS: Record<PushAction, string> = { 'promise-pay': '/promise-pay', 'top-up': '/' };

/** The Notifications API's fields TypeScript's DOM types leave out, as Chromium takes them. */
interface ShownNotificationOptions extends NotificationOptions {
  actions: PushMessage['actions'];
  renotify: boolean;
}

function pushMessageOf(data: PushMessageData | null): PushMessage | null {
  try {
    const message = data?.json() as PushMessage | undefined;
    return typeof message?.title === 'string' ? message : null;
  } catch {
    return null;
  }
}

self.addEventListener('push', (event) => {
  const message = pushMessageOf(event.data);
  if (!message) return;
  const options: ShownNotificationOptions = {
    body: message.body,
    icon: '/icons/icon-192.png',
    badge: '/icons/badge-96.png',
    tag: message.tag,
    // A second reminder with the same tag (3 days left, then 1) replaces the first and still alerts.
    renotify: true,
    data: { url: message.url },
    actions: message.actions,
  };
  event.waitUntil(self.registration.showNotification(message.title, options));
});

/** A path inside the app: the BFF's link, or the dashboard when the link leads elsewhere. */
function appPath(url: unknown): string {
  const target = typeof url === 'string' ? URL.parse(url, self.location.origin) : null;
  return target?.origin === self.location.origin ? target.pathname + target.search : '/';
}

/** Brings an open window of the app forward and shows the path there; opens one only when none is open. */
async function showInApp(path: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.focused) ?? windows[0];
  if (!open) {
    await self.clients.openWindow(path);
    return;
  }
  // The page's router moves (app/service-worker.ts): no reload, and it works for a page this worker does not control yet.
  open.postMessage({ type: 'NAVIGATE', url: path });
  await open.focus();
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = Object.hasOwn(ACTION_PATHS, event.action)
    ? ACTION_PATHS[event.action as PushAction]
    : appPath((event.notification.data as { url?: unknown } | null)?.url);
  event.waitUntil(showInApp(path));
});
