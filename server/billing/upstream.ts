import { upstreamError, upstreamUnavailable } from '../domain/errors.js';

export interface UpstreamCall {
  /** A label for logs and errors, e.g. "carbon5 web_cabinet.user_info". Never the URL: it may hold a key. */
  name: string;
  url: URL;
  method?: 'GET' | 'POST';
  form?: URLSearchParams;
  timeoutMs: number;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One HTTP exchange with a billing. Node's fetch keeps connections alive per origin. A refused
 * connection, a timeout or an HTTP error becomes UPSTREAM_UNAVAILABLE; the caller parses the body
 * and turns a shape it does not expect into UPSTREAM_ERROR. Nothing here retries: a money-changing
 * call must run at most once.
 */
export async function callUpstream(call: UpstreamCall): Promise<UpstreamResponse> {
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: call.method ?? (call.form ? 'POST' : 'GET'),
      body: call.form,
      headers: call.form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : undefined,
      signal: AbortSignal.timeout(call.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${call.timeoutMs} ms` : describeNetworkError(error);
    throw upstreamUnavailable(`${call.name}: ${reason}`);
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw upstreamUnavailable(`${call.name}: the answer broke off (${describeNetworkError(error)})`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw upstreamUnavailable(`${call.name}: HTTP ${response.status}`);
  }
  if (response.status !== 200) {
    throw upstreamError(`${call.name}: HTTP ${response.status}`);
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
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
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  return cause?.code ?? error.name;
}
