/** A push notification as the BFF sends it and the service worker shows it. */
export interface PushMessage {
  title: string;
  body: string;
  /** Where a tap on the notification opens the app. */
  url: string;
  /** A newer notification with the same tag replaces the older one. */
  tag: string;
  actions: { action: PushAction; title: string }[];
}

/** The buttons a notification may carry; the service worker knows where each leads. */
export type PushAction = 'promise-pay' | 'top-up';
