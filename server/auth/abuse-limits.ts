import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CabinetError } from '../domain/errors.js';
import type { EphemeralStore, LimiterOptions, Store } from '../store/store.js';
import { limitKeyOf } from './client-address.js';

/**
 * The limits, and why:
 * - sign-in, per login and address: 5 attempts in 15 minutes, then that login is locked for that
 *   address for 15 minutes. A subscriber who mistypes a few times is not hurt; guessing is hopeless.
 *   A success clears the count. Keyed with the address so an attacker cannot lock a subscriber out
 *   from the subscriber's own home.
 * - sign-in, per login over every address: 20 attempts in 15 minutes, against guesses spread over
 *   many addresses (20 addresses × 5 guesses). Past it the login is not locked for everyone: an
 *   address (an IPv6 /64) from which this login signed in successfully in the last 90 days keeps
 *   its own per-address limit, so the subscriber at home still gets in; every other address waits.
 * - sign-in, per address: 30 failed attempts in 15 minutes across all logins, against one address
 *   trying one password on many logins (password spraying). A success gives its attempt back, so a
 *   block of flats or an office behind one NAT, signing in all day, is never locked out by its own
 *   successes; only failures add up.
 * - automatic sign-in, per address: 10 a minute; it costs a billing call and a failure says nothing new.
 * - password-reset requests: 3 an hour per typed login or e-mail and 10 an hour per address, both
 *   visible; and 3 an hour per billing account, silent (no code is sent, the answer is the same), so
 *   the login and the e-mail of one account count as one and the answer tells nothing about either.
 * Addresses are counted as they are, IPv6 ones by their /64, which one subscriber line usually gets whole.
 * - promised payments and service changes: 10 in 10 minutes per subscriber; a person taps far less.
 * - push registrations: 30 an hour per subscriber (the app registers once per start of each device).
 * Every attempt counts when it starts, so parallel aliases or requests cannot slip past together.
 * The per-login counts keep successes: they are what caps one login's guesses over many addresses.
 */
export const LIMITS = {
  signInPerLogin: { keyPrefix: 'signin-login', points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInPerLoginAnywhere: { keyPrefix: 'signin-login-any', points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInPerAddress: { keyPrefix: 'signin-address', points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  autoLoginPerAddress: { keyPrefix: 'autologin-address', points: 10, durationSeconds: 60 },
  resetPerLogin: { keyPrefix: 'reset-login', points: 3, durationSeconds: 60 * 60 },
  resetPerAccount: { keyPrefix: 'reset-account', points: 3, durationSeconds: 60 * 60 },
  resetPerAddress: { keyPrefix: 'reset-address', points: 10, durationSeconds: 60 * 60 },
  actionsPerSubscriber: { keyPrefix: 'actions-subscriber', points: 10, durationSeconds: 10 * 60 },
  pushRegistrationsPerSubscriber: { keyPrefix: 'push-registrations-subscriber', points: 30, durationSeconds: 60 * 60 },
} satisfies Record<string, LimiterOptions>;

type LimitName = keyof typeof LIMITS;

/** How long an address where a login signed in stays its home for the per-login limit. */
const KNOWN_ADDRESS_SECONDS = 90 * 24 * 60 * 60;

export class AbuseLimits {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;

  private readonly ephemeral: EphemeralStore;

  constructor(store: Store) {
    this.ephemeral = store.ephemeral;
    this.limiters = Object.fromEntries(Object.entries(LIMITS).map(([name, options]) => [name, store.limiter(options)])) as Record<LimitName, RateLimiterAbstract>;
  }

  /** Counts a sign-in attempt before it reaches the billing; RATE_LIMITED once over a limit. */
  async signInAttempt(login: string, address: string): Promise<void> {
    const from = limitKeyOf(address);
    const account = login.toLowerCase();
    await this.take('signInPerAddress', from);
    await this.take('signInPerLogin', `${account}|${from}`);
    try {
      await this.take('signInPerLoginAnywhere', account);
    } catch (error) {
      if (!(await this.ephemeral.get<boolean>(knownAddressKey(account, from)))) throw error;
    }
  }

  /**
   * The subscriber got in: their mistakes before are forgiven, this address is one of their own,
   * and the attempt is given back to the address, whose limit counts only failures.
   */
  async signInSucceeded(login: string, address: string): Promise<void> {
    const from = limitKeyOf(address);
    await this.limiters.signInPerAddress.reward(from);
    await this.limiters.signInPerLogin.delete(`${login.toLowerCase()}|${from}`);
    await this.ephemeral.set(knownAddressKey(login.toLowerCase(), from), true, KNOWN_ADDRESS_SECONDS);
  }

  autoLoginAttempt(address: string): Promise<void> {
    return this.take('autoLoginPerAddress', limitKeyOf(address));
  }

  /** The visible limits of a reset request: per address and per typed text. They say nothing about whether the login exists. */
  async passwordResetRequest(typed: string, address: string): Promise<void> {
    await this.take('resetPerAddress', limitKeyOf(address));
    await this.take('resetPerLogin', typed.toLowerCase());
  }

  /** The silent limit of a reset per billing account, whichever login or e-mail named it; false when over it. */
  async passwordResetForAccount(accountId: string): Promise<boolean> {
    try {
      await this.take('resetPerAccount', accountId);
      return true;
    } catch (error) {
      if (error instanceof CabinetError && error.code === 'RATE_LIMITED') return false;
      throw error;
    }
  }

  subscriberAction(accountId: string): Promise<void> {
    return this.take('actionsPerSubscriber', accountId);
  }

  pushRegistration(accountId: string): Promise<void> {
    return this.take('pushRegistrationsPerSubscriber', accountId);
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

const knownAddressKey = (login: string, address: string) => `signin-known:${login}|${address}`;

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
