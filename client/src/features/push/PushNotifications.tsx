import { useEffect, useState } from 'react';
import { ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { NeedsConnection, Notice } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { syncPushState, turnOffPush, turnOnPush, type PushState } from './push-subscription.js';

/** The "Notify me" switch on the dashboard, for a browser that can receive Web Push. */
export function PushNotifications({ vapidPublicKey }: { vapidPublicKey: string }) {
  const t = useI18n();
  const { m, language } = t;
  const { me, canAct } = useSignedIn();
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let shown = true;
    void syncPushState(vapidPublicKey, me.login, language).then((next) => shown && setState(next));
    return () => {
      shown = false;
    };
  }, [vapidPublicKey, me.login, language]);

  // Until the browser has said, no state rather than a wrong one.
  if (!state) return null;
  const on = state === 'on';

  const toggle = async () => {
    setBusy(true);
    setFailure(null);
    try {
      if (on) {
        await turnOffPush();
        setState('off');
      } else {
        setState(await turnOnPush(vapidPublicKey, me.login, language));
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card push" aria-labelledby="push-title" data-testid="push">
      <h2 id="push-title">{m.pushTitle}</h2>
      <p className="badge" data-tone={on ? 'good' : 'muted'} role="status">
        {on ? m.pushOn : m.pushOff}
      </p>
      <p>{m.pushIntro}</p>
      {state === 'blocked' && <Notice tone="warning">{m.pushBlocked}</Notice>}
      {failure !== null && <Notice tone="error">{failure instanceof ApiError ? errorText(t, failure) : m.pushFailed}</Notice>}
      <button type="button" className={`button ${on ? '' : 'primary'}`} disabled={!canAct || busy} aria-busy={busy} onClick={() => void toggle()}>
        {on ? m.pushTurnOff : m.pushTurnOn}
      </button>
      {!canAct && <NeedsConnection />}
    </section>
  );
}
