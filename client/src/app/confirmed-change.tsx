import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { asApiError, reportSessionEnded, type ApiError } from './api.js';
import { errorText } from './error-text.js';
import { Link } from './router.js';
import { Notice, Screen } from './ui.js';

/**
 * The signed-in subscriber as one screen's query reads them, read again after `reload()`. A null
 * `me` means the session ended.
 */
export function useMe<Me>(read: () => Promise<{ me?: Me | null }>): { me: Me | undefined; failure: ApiError | null; reload(): void } {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    read()
      .then((data) => {
        if (!data.me) reportSessionEnded();
        else if (current) setMe(data.me);
      })
      .catch((error: unknown) => current && setFailure(asApiError(error)));
    return () => {
      current = false;
    };
    // `read` is the screen's one query: it runs again on reload(), not when the screen renders anew.
  }, [version]);
  return { me, failure, reload: () => setVersion((value) => value + 1) };
}

/** The screen while its query runs, or why it could not read. */
export function Pending({ title, failure }: { title: string; failure: ApiError | null }) {
  const t = useI18n();
  return <Screen title={title}>{failure ? <Notice tone="error">{errorText(t, failure)}</Notice> : <p role="status">{t.m.loading}</p>}</Screen>;
}

/**
 * A change the subscriber confirms in a dialog: the intent waiting for it, its run (which answers
 * what to say after), the billing's failure, and the success line with the way home.
 */
export function useConfirmedChange<Intent>(run: (intent: Intent) => Promise<string>) {
  const [intent, setIntent] = useState<Intent | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    intent,
    busy,
    failure,
    done,
    ask(next: Intent) {
      setDone(null);
      setFailure(null);
      setIntent(next);
    },
    dismiss() {
      setIntent(null);
      setFailure(null);
    },
    async confirm() {
      if (!intent) return;
      setBusy(true);
      setFailure(null);
      try {
        setDone(await run(intent));
        setIntent(null);
      } catch (error) {
        setFailure(asApiError(error));
      } finally {
        setBusy(false);
      }
    },
  };
}

/** What a confirmed change says when it is done, with the way back home. */
export function Done({ children }: { children: ReactNode }) {
  const { m } = useI18n();
  return (
    <Notice tone="success">
      {children} <Link to="/">{m.toHome}</Link>
    </Notice>
  );
}
