/** What every billing simulator offers the demo and the tests besides its billing protocol. */
export interface DemoLogin {
  login: string;
  password: string;
  description: string;
}

/** A message the simulated billing "sent" by SMS or e-mail, e.g. a password-reset code. */
export interface DemoMessage {
  sentAt: string;
  login: string;
  channel: 'SMS' | 'EMAIL';
  to: string;
  text: string;
}

export interface BillingSimulator {
  /** Root URL of the simulated billing, to use as BILLING_URL. */
  readonly url: string;
  readonly demoLogins: readonly DemoLogin[];
  outbox(): DemoMessage[];
  close(): Promise<void>;
}
