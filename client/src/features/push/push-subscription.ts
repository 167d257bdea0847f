/**
 * This browser's Web Push subscription and the BFF's copy of it. The browser's subscription is the
 * truth; the BFF is told whenever it may differ (a new subscription, another language, another
 * subscriber signed in on this device since it was made).
 */

import { call } from '../../app/api.js';
import type { WebPushSubscriptionInput } from '../../gql/graphql.js';
import type { Language } from '../../i18n/index.js';
import { RegisterPushSubscriptionMutation, UnregisterPushMutation } from './documents.js';
import { browserSupportsPush } from './support.js';

/** `blocked`: the browser refuses notifications to this site until the subscriber allows them in its settings. */
export type PushState = 'on' | 'off' | 'blocked';

/** The last registration the BFF confirmed in this page: who, which subscription, which language. */
let registered: string | null = null;

/** The VAPID public key (base64url of the raw P-256 point) as the bytes pushManager.subscribe takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function madeWithKey(subscription: PushSubscription, vapidPublicKey: string): boolean {
  const used = subscription.options.applicationServerKey;
  const expected = keyBytes(vapidPublicKey);
  return used !== null && used.byteLength === expected.length && new Uint8Array(used).every((byte, index) => byte === expected[index]);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  // Not `ready`: before the service worker is registered nothing can be subscribed, and `ready` would wait for it.
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

function subscriptionInput(subscription: PushSubscription): WebPushSubscriptionInput {
  const { keys } = subscription.toJSON();
  return { endpoint: subscription.endpoint, keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } };
}

async function register(subscription: PushSubscription, login: string, language: Language): Promise<void> {
  const registration = `${login} ${subscription.endpoint} ${language}`;
  if (registration === registered) return;
  await call(RegisterPushSubscriptionMutation, { subscription: subscriptionInput(subscription), locale: language });
  registered = registration;
}

/** What the subscriber sees on the switch; brings the BFF up to date with this browser on the way. */
export async function syncPushState(vapidPublicKey: string, login: string, language: Language): Promise<PushState> {
  if (Notification.permission === 'denied') return 'blocked';
  const subscription = await currentSubscription();
  if (!subscription) return 'off';
  if (!madeWithKey(subscription, vapidPublicKey)) {
    // Made for keys the BFF no longer signs with: its push service would refuse every message.
    await turnOffPush();
    return 'off';
  }
  // Offline, the BFF keeps what it had and is told on a later visit.
  await register(subscription, login, language).catch(() => undefined);
  return 'on';
}

/** After the subscriber's tap only: the browser asks for permission here and nowhere else. */
export async function turnOnPush(vapidPublicKey: string, login: string, language: Language): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'blocked';
  if (permission !== 'granted') return 'off';
  const { pushManager } = await navigator.serviceWorker.ready;
  const subscription = await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });
  try {
    await register(subscription, login, language);
  } catch (error) {
    // A subscription the BFF does not know would only pretend to be on.
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
  return 'on';
}

/** On "Turn off" and at sign-out, while the session still lets the BFF be told. */
export async function turnOffPush(): Promise<void> {
  if (!browserSupportsPush()) return;
  const subscription = await currentSubscription();
  if (!subscription) return;
  // This device stops first. Should the BFF not hear of it, the push service answers its next message
  // with 410 Gone and the BFF forgets the subscription then.
  await subscription.unsubscribe();
  registered = null;
  await call(UnregisterPushMutation, { endpointOrToken: subscription.endpoint }).catch(() => undefined);
}
