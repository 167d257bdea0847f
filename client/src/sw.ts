/// <reference lib="webworker" />
/**
 * The service worker: the app shell comes from the precache, so the cabinet opens offline and
 * fast on a slow network. Private data never enters a cache: GraphQL is POST and passes straight
 * through, and the last dashboard lives in the page's local storage, which sign-out clears.
 * Push and notificationclick handlers belong here too when Web Push lands.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

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
