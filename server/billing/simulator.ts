import { createServer as createHttpServer, type IncomingMessage, type OutgoingHttpHeaders, type RequestListener, type Server as HttpServer, type ServerResponse } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ymd } from '../../shared/dates.js';

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

/** Longer than any client timeout, for a simulated billing that never answers; `close()` cuts it short. */
export const SLOW_ANSWER_MS = 120_000;

export interface SimulatorServerOptions {
  host?: string;
  port?: number;
  /** The billing's clock. */
  now?: () => Date;
  /**
   * How long each answer is held back before the call is handled: a billing's own service time,
   * spent waiting rather than computing, so that a benchmark measures the BFF and not the simulator.
   */
  answerDelayMs?: number;
}

/**
 * What the simulators share apart from their protocol: an HTTP(S) server on loopback (port 0 by
 * default), the clock, the switch that breaks the billing for a test, answers held back and cut
 * short on close, the count of calls, and the outbox of messages "sent" to subscribers.
 */
export abstract class SimulatorServer<Fault extends string> implements BillingSimulator {
  abstract readonly demoLogins: readonly DemoLogin[];
  protected fault: Fault | null = null;
  protected readonly now: () => Date;
  private server: HttpServer | HttpsServer | undefined;
  private address = '';
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sent: DemoMessage[] = [];
  private readonly callCounts: Record<string, number> = {};

  constructor(private readonly place: SimulatorServerOptions) {
    this.now = place.now ?? (() => new Date());
  }

  /** Root URL of the simulated billing. */
  get url(): string {
    if (!this.address) throw new Error(`The ${this.constructor.name} is not listening`);
    return this.address;
  }

  /** How many times each call was asked for, faults included, so tests can tell a call was made exactly once. */
  get calls(): Readonly<Record<string, number>> {
    return { ...this.callCounts };
  }

  async listen(): Promise<this> {
    await this.listenOn(this.place.port ?? 0);
    return this;
  }

  private async listenOn(port: number): Promise<void> {
    const delay = this.place.answerDelayMs ?? 0;
    const server = this.createServer((request, response) =>
      delay > 0 ? this.later(delay, () => void this.handle(request, response)) : void this.handle(request, response),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.place.host ?? '127.0.0.1', resolve);
    });
    this.server = server;
    const { address, port: bound } = server.address() as AddressInfo;
    const scheme = server instanceof HttpsServer ? 'https' : 'http';
    this.address = `${scheme}://${address.includes(':') ? `[${address}]` : address}:${bound}`;
  }

  outbox(): DemoMessage[] {
    return this.sent.map((message) => ({ ...message }));
  }

  /** Makes the billing fail the given way until `setFault(null)`. */
  setFault(fault: Fault | null): void {
    this.fault = fault;
  }

  /**
   * The billing goes away: its port refuses connections (answers held back are cut) until
   * `listenAgain`, so a test sees a call that certainly never reached it.
   */
  async stopListening(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Back on the port it had before `stopListening`. */
  async listenAgain(): Promise<void> {
    if (this.server) return;
    const { port } = new URL(this.url);
    await this.listenOn(Number(port));
  }

  /** Ends the server, its keep-alive connections and every answer held back. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.stopListening();
  }

  /** The billing's protocol. */
  protected abstract handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;

  /** A plain HTTP server; a billing that speaks HTTPS makes its own. */
  protected createServer(handler: RequestListener): HttpServer | HttpsServer {
    return createHttpServer(handler);
  }

  /** Today in this process's zone, which stands for the billing server's. */
  protected today(): string {
    return ymd(this.now());
  }

  protected countCall(name: string): void {
    this.callCounts[name] = (this.callCounts[name] ?? 0) + 1;
  }

  protected deliver(message: DemoMessage): void {
    this.sent.push(message);
  }

  /** Runs `then` after `ms`, unless the simulator closes first. */
  protected later(ms: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      then();
    }, ms);
    this.timers.add(timer);
  }
}

/** Writes a whole answer, unless the client has gone. */
export function sendAnswer(response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string | Buffer): void {
  if (response.destroyed) return;
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** A request's body as text; null when it is larger than `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
