import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';

interface RequestContext {
  requestId: string;
  logger: Logger;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** What a proxy may send as X-Request-Id: long enough to be unique, short and plain enough for a log line. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id of one request: the trusted proxy's X-Request-Id when it sent a well-formed one (nginx's
 * $request_id), so the proxy's access log and ours name the request alike; a new one otherwise.
 * A client cannot choose the id that lands in our logs unless it is our proxy.
 */
export function requestIdFor(header: string | string[] | undefined, fromTrustedProxy: boolean): string {
  const incoming = Array.isArray(header) ? header[0] : header;
  return fromTrustedProxy && incoming !== undefined && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Runs the handling of one request with its id and the cabinet's logger in scope: every log line
 * written while it runs, in the resolvers and in the billing calls they make, carries the id
 * (see logger.ts), and code with no logger of its own (the billing calls) finds one here.
 */
export function runInRequest<T>(context: RequestContext, handle: () => T): T {
  return storage.run(context, handle);
}

export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/** The logger of the request being handled; none outside a request. */
export const currentRequestLogger = (): Logger | undefined => storage.getStore()?.logger;
