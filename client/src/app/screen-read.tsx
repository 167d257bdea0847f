import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { asApiError, reportSessionEnded, type ApiError } from './api.js';
import { useSignedIn } from './cabinet-state.js';
import { errorText } from './error-text.js';
import { Loading, Notice } from './ui.js';

type SignedIn<Data extends { me?: unknown }> = Data & { me: NonNullable<Data['me']> };

/**
 * A signed-in screen's own query, run when the screen opens and again on `reload()`: its answer, or
 * why there is none. An answer without `me` means the session ended on the server.
 */
export function useScreenRead<Data extends { me?: unknown }>(read: () => Promise<Data>) {
  const [data, setData] = useState<SignedIn<Data> | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    read()
      .then((answer) => {
        if (!answer.me) reportSessionEnded();
        else if (current) setData(answer as SignedIn<Data>);
      })
      .catch((error: unknown) => current && setFailure(asApiError(error)));
    return () => {
      current = false;
    };
    // `read` is the screen's one query: it runs again on reload(), not when the screen renders anew.
  }, [version]);
  return {
    data,
    failure,
    reload() {
      setFailure(null);
      setVersion((value) => value + 1);
    },
    /** Shows a change the screen made itself, without reading again. */
    update(change: (shown: SignedIn<Data>) => SignedIn<Data>) {
      setData((shown) => shown && change(shown));
    },
    fail: setFailure,
  };
}

/**
 * The signed-in subscriber as one screen's query reads them; `show` puts what a change answered in
 * their place, for a change that answers the screen's fields rather than have the screen read again.
 */
export function useMe<Me extends object>(read: () => Promise<{ me?: Me | null }>): { me: Me | undefined; failure: ApiError | null; show(me: Me): void } {
  const { data, failure, update } = useScreenRead(read);
  return { me: data?.me, failure, show: (me) => update((shown) => ({ ...shown, me })) };
}

/** A screen's read on its way: "Loading…", or why it failed, with Retry. */
export function ReadProgress({ failure, onRetry }: { failure: ApiError | null; onRetry(): void }) {
  const t = useI18n();
  const { canAct } = useSignedIn();
  if (!failure) return <Loading />;
  return (
    <>
      <Notice tone="error">{errorText(t, failure)}</Notice>
      <button type="button" className="button" disabled={!canAct} onClick={onRetry}>
        {t.m.retry}
      </button>
    </>
  );
}

/** A list a screen reads: Loading, or why it failed with Retry, while there is none; `empty` when it is empty; else its rows. */
export function ReadList<Item>({
  items,
  failure,
  onRetry,
  empty,
  children,
}: {
  items: readonly Item[] | undefined;
  failure: ApiError | null;
  onRetry(): void;
  empty: string;
  children(items: readonly Item[]): ReactNode;
}) {
  if (!items) return <ReadProgress failure={failure} onRetry={onRetry} />;
  if (items.length === 0) return <p>{empty}</p>;
  return children(items);
}
