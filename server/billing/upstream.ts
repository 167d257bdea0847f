import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  fullJitterGenerator,
  halfJitterGenerator,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { CabinetError, upstreamError, upstreamUnavailable } from '../domain/errors.js';
import { upstreamCalls, upstreamCircuitOpen, upstreamDuration, upstreamRetries } from '../observability/metrics.js';
import { currentRequestLogger } from '../observability/request-context.js';

export interface UpstreamCall {
  /** A label for logs and errors, e.g. "carbon5 web_cabinet.user_info". Never the URL: it may hold a key. */
  name: string;
  url: URL;
  method?: 'GET' | 'POST';
  form?: URLSearchParams;
  timeoutMs: number;
  /**
   * True for a call that changes nothing in the billing: after a quick failure it is sent again,
   * twice at most. Leave it out for sign-in and for every money or service write: those are sent
   * once, whatever happens, because a lost answer does not mean the billing did not act.
   */
  read?: boolean;
  /** An undici Agent of the adapter's own, e.g. one that presents a client certificate; Node's shared one otherwise. */
  dispatcher?: Dispatcher;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: string;
  /** The body as it came, for a billing that answers in a charset other than UTF-8. */
  bytes: Uint8Array;
}

/**
 * Why an attempt got no usable answer, which decides what follows:
 * - the billing looks down (no connection, a timeout, a gateway's 502/503/504, 429): counts
 *   towards opening the circuit;
 * - a moment may cure it (no connection, 502/503/504, any other 5xx): a read is sent again.
 * A timeout is not repeated (the subscriber already waited the whole timeout), nor is a 429 (the
 * billing asked us to slow down). A 500 does not open the circuit: the billing answered, and its
 * other calls may well work.
 */
type FailureKind = 'no-connection' | 'timeout' | 'gateway' | 'throttled' | 'server-error';
const failureKinds = new WeakMap<Error, FailureKind>();
const BILLING_DOWN: ReadonlySet<FailureKind> = new Set(['no-connection', 'timeout', 'gateway', 'throttled']);
const WORTH_REPEATING: ReadonlySet<FailureKind> = new Set(['no-connection', 'gateway', 'server-error']);

const failure = (kind: FailureKind, detail: string) => {
  const error = upstreamUnavailable(detail);
  failureKinds.set(error, kind);
  return error;
};
const kindOf = (error: Error) => failureKinds.get(error);
/** Failures that happened before a byte of the request left: the billing certainly did nothing. */
const unsent = new WeakSet<Error>();
/** Network errors raised while connecting, before the request was written. */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * True when the call certainly never reached the billing (its circuit was open, or no connection
 * could be made), so a write it carried was not done and may be sent again later. A timeout or a
 * connection lost after sending is not that: the billing may have acted.
 */
export function neverSent(error: unknown): boolean {
  return error instanceof Error && unsent.has(error);
}
const failedAs = (kinds: ReadonlySet<FailureKind>) => (error: Error) => {
  const kind = kindOf(error);
  return kind !== undefined && kinds.has(kind);
};

/** Consecutive "billing down" failures that open a billing host's circuit. */
const FAILURES_TO_OPEN = 5;

/** A read is sent at most three times; the pauses between are random up to 100 ms, then up to 200 ms. */
const readRetry = retry(
  handleWhen(failedAs(WORTH_REPEATING)),
  { maxAttempts: 2, backoff: new ExponentialBackoff({ generator: fullJitterGenerator, initialDelay: 100, maxDelay: 1000 }) },
);

/**
 * One circuit per billing host (protocol, host and port), for the life of the process. After
 * FAILURES_TO_OPEN consecutive "billing down" failures, calls fail at once with
 * UPSTREAM_UNAVAILABLE instead of each waiting for a timeout; after a pause (1–2 s at first,
 * growing to about 30 s while the billing stays down) one call goes through as a probe, and its
 * success closes the circuit. Each instance keeps its own circuits: each sees the billing for itself.
 */
const circuits = new Map<string, CircuitBreakerPolicy>();

function circuitFor(url: URL): CircuitBreakerPolicy {
  let circuit = circuits.get(url.origin);
  if (!circuit) {
    circuit = circuitBreaker(
      handleWhen(failedAs(BILLING_DOWN)),
      {
        breaker: new ConsecutiveBreaker(FAILURES_TO_OPEN),
        halfOpenAfter: new ExponentialBackoff({ generator: halfJitterGenerator, initialDelay: 2000, maxDelay: 30_000 }),
      },
    );
    const upstream = url.host;
    circuit.onStateChange((state) => {
      upstreamCircuitOpen.set({ upstream }, state === CircuitState.Open ? 1 : 0);
      if (state === CircuitState.Open) currentRequestLogger()?.warn({ upstream }, 'billing stopped answering: its calls fail fast until a probe gets through');
      if (state === CircuitState.Closed) currentRequestLogger()?.info({ upstream }, 'billing answers again');
    });
    circuits.set(url.origin, circuit);
  }
  return circuit;
}

/** The worst circuit state among the billing hosts called so far, for readiness. */
export function billingCircuit(): 'closed' | 'half-open' | 'open' {
  const states = [...circuits.values()].map((circuit) => circuit.state);
  if (states.includes(CircuitState.Open)) return 'open';
  if (states.includes(CircuitState.HalfOpen)) return 'half-open';
  return 'closed';
}

/**
 * One exchange with a billing, through the billing host's circuit; a read is repeated after a
 * quick failure (see FailureKind). Node's fetch keeps connections alive per origin. A refused
 * connection, a timeout or an HTTP error becomes UPSTREAM_UNAVAILABLE; the caller parses the body
 * and turns a shape it does not expect into UPSTREAM_ERROR. Every call is counted and timed in the
 * metrics and logged at debug level (name, outcome, attempts, time; never the URL).
 */
export async function callUpstream(call: UpstreamCall): Promise<UpstreamResponse> {
  const circuit = circuitFor(call.url);
  const started = performance.now();
  let attempts = 0;
  const attempt = async () => {
    attempts += 1;
    if (attempts > 1) upstreamRetries.inc({ call: call.name });
    try {
      return await circuit.execute(() => sendOnce(call));
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        const notSent = upstreamUnavailable(`${call.name}: not sent, the billing failed ${FAILURES_TO_OPEN} times in a row (circuit open)`);
        unsent.add(notSent);
        throw notSent;
      }
      throw error;
    }
  };
  let outcome = 'ok';
  try {
    return call.read ? await readRetry.execute(attempt) : await attempt();
  } catch (error) {
    outcome = outcomeOf(error);
    throw error;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    upstreamCalls.inc({ call: call.name, outcome });
    upstreamDuration.observe({ call: call.name }, seconds);
    currentRequestLogger()?.debug({ call: call.name, outcome, attempts, ms: Math.round(seconds * 1000) }, 'billing call');
  }
}

/** unavailable (sent, no usable answer), circuit_open (not sent), or error (an answer we refuse). */
function outcomeOf(error: unknown): string {
  if (!(error instanceof CabinetError) || error.code !== 'UPSTREAM_UNAVAILABLE') return 'error';
  return kindOf(error) ? 'unavailable' : 'circuit_open';
}

/** Stateless between calls (no `stream` option), so one serves them all. */
const utf8 = new TextDecoder();

// undici's request() rather than fetch(): the same client without the WHATWG layers, a third of the CPU per call.
async function sendOnce(call: UpstreamCall): Promise<UpstreamResponse> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(call.url, {
      method: call.method ?? (call.form ? 'POST' : 'GET'),
      body: call.form?.toString(),
      headers: call.form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : undefined,
      signal: AbortSignal.timeout(call.timeoutMs),
      dispatcher: call.dispatcher,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw failure('timeout', `${call.name}: no answer within ${call.timeoutMs} ms`);
    const reason = describeNetworkError(error);
    const noConnection = failure('no-connection', `${call.name}: ${reason}`);
    if (CONNECT_FAILURES.has(reason)) unsent.add(noConnection);
    throw noConnection;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.body.arrayBuffer());
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw failure('timeout', `${call.name}: no answer within ${call.timeoutMs} ms`);
    throw failure('no-connection', `${call.name}: the answer broke off (${describeNetworkError(error)})`);
  }
  const status = response.statusCode;
  if (status >= 500 || status === 429) {
    const kind = status === 429 ? 'throttled' : [502, 503, 504].includes(status) ? 'gateway' : 'server-error';
    throw failure(kind, `${call.name}: HTTP ${status}`);
  }
  if (status !== 200) {
    throw upstreamError(`${call.name}: HTTP ${status}`);
  }
  const contentType = response.headers['content-type'];
  return { status, contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '', body: utf8.decode(bytes), bytes };
}

/**
 * Checks a billing's answer against the shape its adapter expects; anything else is UPSTREAM_ERROR
 * that says where it broke (never the values: they may carry a session token) for the log.
 */
export function parseUpstreamShape<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw upstreamError(`${name}: unexpected answer (${where})`);
}

/** Parses a JSON body; garbage is UPSTREAM_ERROR. The body itself is not logged: it may carry a session token. */
export function parseJsonBody(call: Pick<UpstreamCall, 'name'>, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw upstreamError(`${call.name}: not JSON (${body.length} bytes)`);
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const { code, cause } = error as Error & { code?: string; cause?: { code?: string } };
  return cause?.code ?? code ?? error.name;
}

/**
 * The billing's web root as the ISP wrote it, with or without its trailing slash: the calls are
 * paths under it, and a root without the slash makes PHP hosts redirect, and redirects are refused.
 */
export function withTrailingSlash(root: string): URL {
  const url = new URL(root);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}
