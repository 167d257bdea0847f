import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { isErrorCode, type ErrorCode } from '../../../shared/errors.js';

/** The API's closed list, plus what the browser itself can run into. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Seconds to wait, with RATE_LIMITED. */
    readonly retryAfter: number | null = null,
    /** The field the error belongs to, e.g. ["me"]. */
    readonly path: readonly (string | number)[] = [],
    /** A machine-readable why beside NOT_ALLOWED, e.g. PASSWORD_REQUIRED. */
    readonly reason: string | null = null,
  ) {
    super(message);
  }
}

export interface ApiResult<Data> {
  data: Data | null;
  errors: ApiError[];
}

/** What the client preset puts in a typed document: the persisted hash and the operation's AST. */
interface PersistedDocument {
  __meta__?: { hash?: string };
  definitions: readonly { kind: string; name?: { value: string } }[];
}

interface WireError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; retryAfter?: unknown; reason?: unknown };
}

const REQUEST_TIMEOUT_MS = 20_000;

const sessionEndedListeners = new Set<() => void>();

/** Called whenever the BFF says nobody is signed in any more (the session expired, or ended elsewhere). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** For an UNAUTHENTICATED error, and for a signed-in screen whose `me` came back null. */
export function reportSessionEnded(): void {
  sessionEndedListeners.forEach((listener) => listener());
}

function toApiError(wire: WireError): ApiError {
  const code = isErrorCode(wire.extensions?.code) ? wire.extensions.code : 'UNKNOWN';
  const retryAfter = typeof wire.extensions?.retryAfter === 'number' ? wire.extensions.retryAfter : null;
  const path = Array.isArray(wire.path) ? (wire.path as (string | number)[]) : [];
  const reason = typeof wire.extensions?.reason === 'string' ? wire.extensions.reason : null;
  return new ApiError(code, typeof wire.message === 'string' ? wire.message : '', retryAfter, path, reason);
}

/** The id the BFF knows the document by ("sha256:…"). */
export function persistedHash(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as unknown as PersistedDocument).__meta__?.hash;
  if (!hash) throw new Error('Not a persisted document: run `npm run codegen`');
  return hash;
}

/**
 * Runs a persisted operation: only its hash travels, never its text (production accepts nothing else).
 * Resolves with partial data and the errors beside it; rejects only when no GraphQL answer came back.
 */
export async function request<Data, Variables>(
  document: TypedDocumentNode<Data, Variables>,
  variables?: Variables,
): Promise<ApiResult<Data>> {
  const documentId = persistedHash(document as TypedDocumentNode<unknown, never>);
  const operationName = (document as unknown as PersistedDocument).definitions.find((definition) => definition.kind === 'OperationDefinition')?.name?.value;

  let body: { data?: Data | null; errors?: WireError[] };
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-graphql-csrf': '1' },
      body: JSON.stringify({ documentId, operationName, variables: variables ?? {} }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch {
    // No answer, or not one from the BFF (a captive portal, a proxy's error page): treat as no connection.
    throw new ApiError('NETWORK', 'No connection');
  }
  const errors = (body.errors ?? []).map(toApiError);
  if (errors.some((error) => error.code === 'UNAUTHENTICATED')) reportSessionEnded();
  return { data: body.data ?? null, errors };
}

/** Runs a persisted operation and gives its data, or rejects with the first error. */
export async function call<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables?: Variables): Promise<Data> {
  const { data, errors } = await request(document, variables);
  const [firstError] = errors;
  if (firstError) throw firstError;
  if (!data) throw new ApiError('UNKNOWN', 'Empty answer');
  return data;
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('UNKNOWN', error instanceof Error ? error.message : String(error));
}

/** A fresh key per user intent: a retry of the same tap reuses it, so the billing acts once. */
export function newIdempotencyKey(): string {
  // getRandomValues works on plain http too (a LAN demo), unlike crypto.randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
