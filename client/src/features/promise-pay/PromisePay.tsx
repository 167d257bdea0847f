import { useState } from 'react';
import { asApiError, call, newIdempotencyKey, type ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link } from '../../app/router.js';
import { ConfirmDialog, NeedsConnection, Notice, Screen } from '../../app/ui.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { TakePromisePayMutation } from './documents.js';
import { calendarDateAfter, hasFee, offerTerms, type Offer } from './offer.js';

interface Intent {
  offer: Offer;
  idempotencyKey: string;
}

export function PromisePay() {
  const t = useI18n();
  const { m } = t;
  const { me, canAct, showDashboard } = useSignedIn();
  const [intent, setIntent] = useState<Intent | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<((t: I18n) => string) | null>(null);
  const { active, offers } = me.promisePay;

  const take = async () => {
    if (!intent) return;
    setBusy(true);
    setFailure(null);
    try {
      const { takePromisePay } = await call(TakePromisePayMutation, {
        offerId: intent.offer.id,
        idempotencyKey: intent.idempotencyKey,
      });
      showDashboard(takePromisePay);
      const { amount } = intent.offer;
      const { balance } = takePromisePay;
      setDone(() => (words: I18n) => `${words.m.promiseDone(words.money(amount))} ${words.m.newBalance(words.money(balance))}`);
      setIntent(null);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={m.promiseTitle}>
      {done && (
        <Notice tone="success">
          {done(t)} <Link to="/">{m.toHome}</Link>
        </Notice>
      )}
      <p>{m.promiseIntro}</p>
      {active && (
        <Notice tone="info">
          {active.until ? m.promiseActive(t.money(active.amount), t.date(active.until)) : m.promiseActiveNoDate(t.money(active.amount))}
        </Notice>
      )}
      {!active && offers.length === 0 && <p>{m.noOffers}</p>}
      {!active && (
        <ul className="list">
          {offers.map((offer) => (
            <li key={offer.id} className="card offer" data-testid={`offer-${offer.id}`}>
              <h2>{t.money(offer.amount)}</h2>
              <p>{offerTerms(t, offer)}</p>
              {offer.description && <p className="sub">{offer.description}</p>}
              <button
                type="button"
                className="button primary"
                disabled={!canAct}
                onClick={() => {
                  setFailure(null);
                  setDone(null);
                  setIntent({ offer, idempotencyKey: newIdempotencyKey() });
                }}
              >
                {m.choose}
                <span className="visually-hidden">: {t.money(offer.amount)}</span>
              </button>
              {!canAct && <NeedsConnection />}
            </li>
          ))}
        </ul>
      )}
      {intent && (
        <ConfirmDialog
          title={m.promiseConfirmTitle(t.money(intent.offer.amount))}
          confirmLabel={m.confirmTake}
          busy={busy}
          error={failure && errorText(t, failure)}
          onConfirm={() => void take()}
          onCancel={() => setIntent(null)}
        >
          <p>{m.promiseConfirmBody(t.money(intent.offer.amount), t.date(calendarDateAfter(intent.offer.days)))}</p>
          <p>{intent.offer.fee && hasFee(intent.offer) ? m.promiseConfirmFee(t.money(intent.offer.fee)) : m.promiseConfirmNoFee}</p>
          {intent.offer.description && <p className="sub">{intent.offer.description}</p>}
        </ConfirmDialog>
      )}
    </Screen>
  );
}
