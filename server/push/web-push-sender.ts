import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { PushMessage } from './messages.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export type SendOutcome = 'sent' | 'gone' | 'failed';

export interface WebPushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * Sends encrypted Web Push messages with VAPID. A push service answering 404 or 410 means the
 * subscription is dead: the caller removes it.
 */
export class WebPushSender {
  constructor(
    private readonly vapid: VapidKeys & { subject: string },
    /** Tests pass an agent that trusts their loopback push service's certificate. */
    private readonly agent?: Agent,
  ) {}

  async send(target: WebPushTarget, message: PushMessage): Promise<SendOutcome> {
    try {
      await webpush.sendNotification(target, JSON.stringify(message), {
        vapidDetails: this.vapid,
        TTL: 24 * 60 * 60,
        urgency: 'normal',
        timeout: 10_000,
        ...(this.agent ? { agent: this.agent } : {}),
      });
      return 'sent';
    } catch (error) {
      if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) return 'gone';
      return 'failed';
    }
  }
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
