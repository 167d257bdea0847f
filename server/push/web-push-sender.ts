import { Agent, type AgentOptions } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import { endpointRefusal, publicOnlyLookup, type PushEndpointPolicy } from './endpoint-policy.js';
import type { PushMessage } from '../../shared/push.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** `refused`: the endpoint is not a push service this BFF sends to (see endpoint-policy.ts). */
export type SendOutcome = 'sent' | 'gone' | 'failed' | 'refused';

export interface WebPushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A push service answers in well under a second; one that does not must not hold a pass. */
const SEND_TIMEOUT_MS = 5000;

/**
 * Sends encrypted Web Push messages with VAPID, only to endpoints the policy admits and only over
 * connections to public addresses. A push service answering 404 or 410 means the subscription is
 * dead: the caller removes it.
 */
export class WebPushSender {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(
    private readonly vapid: VapidKeys & { subject: string },
    private readonly policy: PushEndpointPolicy,
    /** Tests pass `rejectUnauthorized: false` for their loopback push service's certificate. */
    options: { timeoutMs?: number; tls?: Pick<AgentOptions, 'rejectUnauthorized' | 'ca'> } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
    this.agent = new Agent({ ...options.tls, keepAlive: true, maxSockets: 16, lookup: publicOnlyLookup(policy) });
  }

  async send(target: WebPushTarget, message: PushMessage): Promise<SendOutcome> {
    if (endpointRefusal(target.endpoint, this.policy) !== null) return 'refused';
    let timer: NodeJS.Timeout | undefined;
    // The socket timeout only counts silence; this bounds a service that answers a byte at a time.
    const deadline = new Promise<SendOutcome>((resolve) => {
      timer = setTimeout(resolve, this.timeoutMs, 'failed');
    });
    const sending = webpush
      .sendNotification(target, JSON.stringify(message), {
        vapidDetails: this.vapid,
        TTL: 24 * 60 * 60,
        urgency: 'normal',
        timeout: this.timeoutMs,
        agent: this.agent,
      })
      .then(
        (): SendOutcome => 'sent',
        (error: unknown): SendOutcome => (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410) ? 'gone' : 'failed'),
      );
    try {
      return await Promise.race([sending, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
