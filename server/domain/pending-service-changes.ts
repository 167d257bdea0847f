import type { EphemeralStore } from '../store/store.js';
import type { Service } from './types.js';

type Intents = Record<string, boolean>;

/** How long an accepted change may stay unapplied before we stop calling it pending. */
const PENDING_TTL_SECONDS = 30 * 60;

/**
 * Carbon queues writes: a connect the billing accepted is not in its service list yet. We remember
 * what the subscriber asked for and show the service as pending until the billing's own list
 * agrees, instead of lying (showing it connected) or flickering (showing it unchanged).
 */
export class PendingServiceChanges {
  constructor(private readonly store: EphemeralStore) {}

  async record(accountId: string, serviceId: string, connected: boolean): Promise<void> {
    const intents = (await this.store.get<Intents>(key(accountId))) ?? {};
    intents[serviceId] = connected;
    await this.store.set(key(accountId), intents, PENDING_TTL_SECONDS);
  }

  async apply(accountId: string, services: Service[]): Promise<Service[]> {
    const intents = await this.store.get<Intents>(key(accountId));
    if (!intents) return services;
    const open: Intents = {};
    const merged = services.map((service) => {
      const wanted = intents[service.id];
      if (wanted === undefined || wanted === service.connected) return service;
      open[service.id] = wanted;
      return { ...service, pending: true, canConnect: false, canDisconnect: false };
    });
    if (Object.keys(open).length !== Object.keys(intents).length) {
      if (Object.keys(open).length === 0) await this.store.delete(key(accountId));
      else await this.store.set(key(accountId), open, PENDING_TTL_SECONDS);
    }
    return merged;
  }
}

const key = (accountId: string) => `pending-services:${accountId}`;
