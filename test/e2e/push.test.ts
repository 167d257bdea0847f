import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { reminderMessage } from '../../server/push/messages.js';
import type { PushMessage } from '../../shared/push.js';
import { startFakePushService } from '../support/fake-push-service.js';
import { expectNoAxeViolations, signIn, useCabinetInChromiumProfile } from './browser.js';

/** What the page's stand-in for the browser's push client saw (see `stubPushManager`). */
interface PushStubRecord {
  permissionRequests: number;
  subscribed: { userVisibleOnly: boolean | undefined; applicationServerKey: number[] }[];
  unsubscribed: number;
}

/**
 * Headless Chromium cannot reach a real push service (offline, `pushManager.subscribe()` is refused
 * at once, or hangs waiting for its FCM registration), so the page's PushManager hands out a
 * subscription for the test's loopback push service, with keys the test holds. Runs in the page
 * before the app; records what the app asked of the browser.
 */
function stubPushManager(fake: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  const bytes = (base64url: string) => Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const record: PushStubRecord = { permissionRequests: 0, subscribed: [], unsubscribed: 0 };
  (window as unknown as { pushStub: PushStubRecord }).pushStub = record;
  let current: PushSubscription | null = null;

  const requestPermission = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = () => {
    record.permissionRequests += 1;
    return requestPermission();
  };
  PushManager.prototype.subscribe = async function subscribe(options?: PushSubscriptionOptionsInit) {
    const source = options?.applicationServerKey;
    const key = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source as ArrayBuffer);
    record.subscribed.push({ userVisibleOnly: options?.userVisibleOnly, applicationServerKey: Array.from(key) });
    const json = { endpoint: fake.endpoint, expirationTime: null, keys: fake.keys };
    current = {
      ...json,
      options: { userVisibleOnly: true, applicationServerKey: key.slice().buffer },
      getKey: (name: 'p256dh' | 'auth') => bytes(fake.keys[name]).buffer,
      toJSON: () => json,
      unsubscribe: async () => {
        current = null;
        record.unsubscribed += 1;
        return true;
      },
    } as unknown as PushSubscription;
    return current;
  };
  PushManager.prototype.getSubscription = async () => current;
}

/** The notifications the service worker shows now, as the page sees them. */
const shownNotifications = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map(({ title, body, tag, icon, badge, data, actions, renotify }) => ({
      title,
      body,
      tag,
      icon,
      badge,
      data: data as unknown,
      actions: actions.map(({ action, title: label }) => ({ action, title: label })),
      renotify,
    }));
  });

/** What the Notifications API gives in a page but the DOM types leave out. */
declare global {
  interface Notification {
    readonly actions: readonly { action: string; title: string }[];
    readonly renotify: boolean;
  }
}

describe('push notifications in the PWA', () => {
  const vapid = webpush.generateVAPIDKeys();
  // The profile keeps the notifications permission that showNotification needs.
  const { cabinet, context } = useCabinetInChromiumProfile(
    { env: { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:noc@example.net', PUSH_ALLOW_LOOPBACK: 'true' } },
    { locale: 'en-GB', viewport: { width: 360, height: 780 }, permissions: ['notifications'] },
  );
  let pushService: Awaited<ReturnType<typeof startFakePushService>>;
  let page: Page;
  let cdp: CDPSession;
  /** The DevTools id of the app's service worker registration, for delivering pushes to it. */
  let registrationId = '';
  /** Each service worker version as DevTools last reported it. */
  const workerVersions = new Map<string, { registrationId: string; status: string; runningStatus: string }>();
  const workerRuns = () => [...workerVersions.values()].some((version) => version.registrationId === registrationId && version.status === 'activated' && version.runningStatus === 'running');

  beforeAll(async () => {
    pushService = await startFakePushService();
    await context().addInitScript(stubPushManager, pushService.subscription());
    page = context().pages()[0] ?? (await context().newPage());
    cdp = await context().newCDPSession(page);
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const app = registrations.find(({ scopeURL, isDeleted }) => scopeURL === `${cabinet().url}/` && !isDeleted);
      if (app) registrationId = app.registrationId;
    });
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const { versionId, registrationId: registration, status, runningStatus } of versions) workerVersions.set(versionId, { registrationId: registration, status, runningStatus });
    });
    await cdp.send('ServiceWorker.enable');
  });

  afterAll(async () => {
    await pushService?.close();
  });

  const stub = () => page.evaluate(() => (window as unknown as { pushStub: PushStubRecord }).pushStub);
  const pushSection = () => page.getByTestId('push');

  it('subscribes through the service worker only after “Notify me”, and the BFF keeps the subscription in the UI’s language', async () => {
    await page.goto(cabinet().url);
    await signIn(page, 'BILL0000102');
    // Notifications are a setting: they live in More.
    await page.getByRole('navigation').getByRole('link', { name: 'More' }).click();
    await expect.poll(() => pushSection().getByRole('status').textContent()).toBe('Off');
    // The service worker is ready, the dashboard is up: still nothing was asked of the subscriber.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    expect(await stub()).toEqual({ permissionRequests: 0, subscribed: [], unsubscribed: 0 });

    await pushSection().getByRole('button', { name: 'Notify me' }).click();
    await expect.poll(() => pushSection().getByRole('status').textContent()).toBe('On for this device');
    const record = await stub();
    expect(record.permissionRequests).toBe(1);
    expect(record.subscribed).toEqual([{ userVisibleOnly: true, applicationServerKey: Array.from(Buffer.from(vapid.publicKey, 'base64url')) }]);
    expect(cabinet().pushRegistrations()).toEqual([
      { login: 'BILL0000102', registration: { kind: 'webpush', ...pushService.subscription() }, locale: 'en' },
    ]);
    await expectNoAxeViolations(page, 'More with notifications on');

    // Another language in the UI: the reminders follow it.
    await page.getByLabel('Language').selectOption('uk');
    await expect.poll(() => pushSection().getByRole('status').textContent()).toBe('Увімкнено на цьому пристрої');
    await expect.poll(() => cabinet().pushRegistrations().map(({ locale }) => locale)).toEqual(['uk']);
    expect((await stub()).subscribed).toHaveLength(1);
  });

  /**
   * Delivers a push message to the app's service worker as the browser's push client would, once
   * the worker runs: on a busy machine DevTools may hand a message to a worker still starting (or
   * stopped for idleness) and lose it, which a real push service would deliver again.
   */
  async function deliverPush(message: PushMessage): Promise<void> {
    await expect.poll(() => registrationId).toBeTruthy();
    await cdp.send('ServiceWorker.startWorker', { scopeURL: `${cabinet().url}/` });
    await expect.poll(workerRuns).toBe(true);
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: cabinet().url, registrationId, data: JSON.stringify(message) });
  }

  it('shows a pushed reminder with its text, icons, deep link and actions', async () => {
    const blocked = reminderMessage({ kind: 'blocked' }, 'uk', true);
    await deliverPush(blocked);
    await expect.poll(() => shownNotifications(page)).toEqual([
      {
        title: 'Послугу зупинено',
        body: blocked.body,
        tag: 'blocked',
        icon: `${cabinet().url}/icons/icon-192.png`,
        badge: `${cabinet().url}/icons/badge-96.png`,
        data: { url: '/promise-pay' },
        actions: [
          { action: 'promise-pay', title: 'Обіцяний платіж' },
          { action: 'top-up', title: 'Поповнити' },
        ],
        renotify: true,
      },
    ]);
  });

  /**
   * A tap on the notification or one of its buttons, as the browser dispatches it. No protocol can
   * tap a notification in headless Chromium, so the event is dispatched in the worker; being
   * synthetic, it may not focus a window (that takes a real tap), but it shows where the app goes.
   */
  async function tapNotification(action: string): Promise<void> {
    const worker = context().serviceWorkers()[0] ?? (await context().waitForEvent('serviceworker'));
    await worker.evaluate(async (tapped) => {
      const scope = globalThis as unknown as {
        registration: { getNotifications(): Promise<unknown[]> };
        dispatchEvent(event: Event): boolean;
        NotificationEvent: new (type: string, init: { notification: unknown; action: string }) => Event;
      };
      const [notification] = await scope.registration.getNotifications();
      scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification, action: tapped }));
    }, action);
  }

  it('opens the screen a tap leads to in the window already open, and closes the notification', async () => {
    await page.getByLabel('Мова').selectOption('en');
    await tapNotification('top-up');
    await expect.poll(() => shownNotifications(page)).toEqual([]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your account');
    expect(new URL(page.url()).pathname).toBe('/');

    await deliverPush(reminderMessage({ kind: 'blocked' }, 'en', true));
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);
    await tapNotification('');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Promised payment');
    expect(new URL(page.url()).pathname).toBe('/promise-pay');

    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await deliverPush(reminderMessage({ kind: 'days-left', days: 1 }, 'en', true));
    await expect.poll(async () => (await shownNotifications(page)).map(({ title }) => title)).toEqual(['1 day of service left']);
    await tapNotification('promise-pay');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Promised payment');
    expect(context().pages()).toEqual([page]);
  });

  it('unsubscribes and tells the BFF on sign-out, before the session ends', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    await expect.poll(() => cabinet().pushRegistrations()).toEqual([]);
    expect((await stub()).unsubscribed).toBe(1);
  });

  it('says what to do when the browser blocks notifications, and subscribes nothing', async () => {
    await signIn(page, 'BILL0000102');
    // Notifications are a setting: they live in More.
    await page.getByRole('navigation').getByRole('link', { name: 'More' }).click();
    await expect.poll(() => pushSection().getByRole('status').textContent()).toBe('Off');
    await cdp.send('Browser.setPermission', { permission: { name: 'notifications' }, setting: 'denied', origin: cabinet().url });
    await page.reload();
    const blocked = pushSection().getByText('Your browser blocks notifications from this cabinet.');
    // After a reload More and the notifications card are two lazy chunks: give them the time a phone would.
    await expect.poll(() => blocked.isVisible(), { timeout: 10_000 }).toBe(true);
    await pushSection().getByRole('button', { name: 'Notify me' }).click();
    await expect.poll(async () => (await stub()).permissionRequests).toBe(1);
    expect(await blocked.isVisible()).toBe(true);
    expect((await stub()).subscribed).toEqual([]);
    expect(cabinet().pushRegistrations()).toEqual([]);
  });
});
