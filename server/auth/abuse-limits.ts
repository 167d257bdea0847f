import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CabinetError } from '../domain/errors.js';
import type { LimiterOptions, Store } from '../store/store.js';

/**
 * The limits, and why:
 * - sign-in, per login and address: 5 attempts in 15 minutes, then that login is locked for that
 *   address for 15 minutes. A subscriber who mistypes a few times is not hurt; guessing is hopeless.
 *   A success clears the count. Keyed with the address so an attacker cannot lock a subscriber out
 *   from the subscriber's own home.
 * - sign-in, per address: 30 attempts in 15 minutes across all logins, against one address trying
 *   one password on many logins (password spraying). A block of flats behind one NAT stays well below.
 * - automatic sign-in, per address: 10 a minute; it costs a billing call and a failure says nothing new.
 * - password-reset requests: 3 an hour per login (each sends an SMS the ISP pays for), 10 an hour per address.
 * - promised payments and service changes: 10 in 10 minutes per subscriber; a person taps far less.
 * Every attempt counts when it starts, so parallel aliases or requests cannot slip past together.
 */
export const LIMITS = {
  signInPerLogin: { keyPrefix: 'signin-login', points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInPerAddress: { keyPrefix: 'signin-address', points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  autoLoginPerAddress: { keyPrefix: 'autologin-address', points: 10, durationSeconds: 60 },
  resetPerLogin: { keyPrefix: 'reset-login', points: 3, durationSeconds: 60 * 60 },
  resetPerAddress: { keyPrefix: 'reset-address', points: 10, durationSeconds: 60 * 60 },
  actionsPerSubscriber: { keyPrefix: 'actions-subscriber', points: 10, durationSeconds: 10 * 60 },
} satisfies Record<string, LimiterOptions>;

type LimitName = keyof typeof LIMITS;

export class AbuseLimits {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;

  constructor(store: Store) {
    this.limiters = Object.fromEntries(Object.entries(LIMITS).map(([name, options]) => [name, store.limiter(options)])) as Record<LimitName, RateLimiterAbstract>;
  }

  /** Counts a sign-in attempt before it reaches the billing; RATE_LIMITED once over a limit. */
  async signInAttempt(login: string, address: string): Promise<void> {
    await this.take('signInPerAddress', address);
    await this.take('signInPerLogin', `${login.toLowerCase()}|${address}`);
  }

  /** The subscriber got in: their mistakes before are forgiven. */
  async signInSucceeded(login: string, address: string): Promise<void> {
    await this.limiters.signInPerLogin.delete(`${login.toLowerCase()}|${address}`);
  }

  autoLoginAttempt(address: string): Promise<void> {
    return this.take('autoLoginPerAddress', address);
  }

  async passwordResetRequest(login: string, address: string): Promise<void> {
    await this.take('resetPerAddress', address);
    await this.take('resetPerLogin', login.toLowerCase());
  }

  subscriberAction(accountId: string): Promise<void> {
    return this.take('actionsPerSubscriber', accountId);
  }

  private async take(name: LimitName, key: string): Promise<void> {
    try {
      await this.limiters[name].consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new CabinetError('RATE_LIMITED', `Too many attempts. Please try again in ${formatWait(retryAfter)}.`, { retryAfter });
    }
  }
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
