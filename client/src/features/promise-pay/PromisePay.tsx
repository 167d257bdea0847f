import { useState } from 'react';
import { isNegative } from '../../../../shared/money.js';
import { asApiError, call, newIdempotencyKey, type ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { ChangeButton, ChangeDialog, ChangeScreen, useConfirmedChange } from '../../app/confirmed-change.js';
import { Failure, RefusalNotice } from '../../app/Failure.js';
import { knownRefusal, PROMISE_PAY_REFUSAL, refusalKind } from '../../app/refusal.js';
import { FromProvider, Notice } from '../../app/ui.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { TakePromisePayMutation } from './documents.js';
import { balanceAfter, calendarDateAfter, hasFee, offerTerms, restoresService, type Offer } from './offer.js';

interface Intent {
  offer: Offer;
  idempotencyKey: string;
}

interface Result {
  text: (t: I18n) => string;
  /** The Internet is on again: only then is it good news. */
  restored: boolean;
}

export function PromisePay() {
  const t = useI18n();
  const { m } = t;
  const { me, showDashboard } = useSignedIn();
  // A refusal the billing would repeat for every offer: the offers go, the reason stays.
  const [finalRefusal, setFinalRefusal] = useState<ApiError | null>(null);
  const change = useConfirmedChange(
    async (intent: Intent): Promise<Result> => {
      try {
        const { takePromisePay } = await call(TakePromisePayMutation, {
          offerId: intent.offer.id,
          idempotencyKey: intent.idempotencyKey,
        });
        showDashboard(takePromisePay);
        const { amount } = intent.offer;
        const { balance } = takePromisePay;
        const restored = !isNegative(balance) && takePromisePay.status !== 'BLOCKED';
        return {
          restored,
          text: (words: I18n) =>
            restored
              ? `${words.m.promiseDone({ amount: words.money(amount) })} ${words.m.newBalance({ balance: words.money(balance) })}`
              : words.m.promiseTakenStaysOff({ amount: words.money(amount), balance: words.money(balance) }),
        };
      } catch (error) {
        const apiError = asApiError(error);
        if (apiError.code === 'NOT_ALLOWED' && refusalKind(apiError) !== 'other') setFinalRefusal(apiError);
        throw apiError;
      }
    },
    // The BFF takes a promised payment without asking for the password again.
    { passwordConfirmed: false },
  );
  const { intent, done } = change;
  const { active, offers, refusal } = me.promisePay;

  const showOffers = !active && !refusal && !finalRefusal;
  return (
    <ChangeScreen title={m.promiseTitle} intro={m.promiseIntro} done={done?.text(t)} doneTone={done?.restored ? 'success' : 'info'}>
      {active && (
        <Notice tone="info">
          {active.until ? m.promiseActive({ amount: t.money(active.amount), date: t.date(active.until) }) : m.promiseActiveNoDate({ amount: t.money(active.amount) })}
        </Notice>
      )}
      {!active && refusal && (
        <div data-testid="no-offer-reason">
          <RefusalNotice refusal={knownRefusal(t, PROMISE_PAY_REFUSAL[refusal])} tone="info" />
        </div>
      )}
      {!active && !refusal && finalRefusal && !intent && <Failure error={finalRefusal} />}
      {showOffers && offers.length === 0 && <p>{m.noOffers}</p>}
      {showOffers && (
        <ul className="list">
          {offers.map((offer) => {
            const restores = restoresService(me.balance, offer);
            return (
              <li key={offer.id} className="card offer" data-testid={`offer-${offer.id}`}>
                <h2>{t.money(offer.amount)}</h2>
                <p>{offerTerms(t, offer)}</p>
                <p data-testid="offer-after" className={restores ? undefined : 'hint'}>
                  {restores ? m.promiseAfterOn({ balance: t.money(balanceAfter(me.balance, offer)) }) : m.promiseAfterOff({ balance: t.money(balanceAfter(me.balance, offer)) })}
                </p>
                <FromProvider text={offer.description} />
                <ChangeButton stepUp={change.stepUp} primary={restores} onClick={() => change.ask({ offer, idempotencyKey: newIdempotencyKey() })}>
                  {m.choose}
                  <span className="visually-hidden"> {t.money(offer.amount)}</span>
                </ChangeButton>
              </li>
            );
          })}
        </ul>
      )}
      {intent && (
        <ChangeDialog
          change={change}
          title={m.promiseConfirmTitle({ amount: t.money(intent.offer.amount) })}
          confirmLabel={m.confirmTake}
        >
          <p>{m.promiseConfirmBody({ amount: t.money(intent.offer.amount), date: t.date(calendarDateAfter(intent.offer.days)) })}</p>
          <p>{intent.offer.fee && hasFee(intent.offer) ? m.promiseConfirmFee({ fee: t.money(intent.offer.fee) }) : m.promiseConfirmNoFee}</p>
          <p>
            <strong>
              {restoresService(me.balance, intent.offer)
                ? m.promiseAfterOn({ balance: t.money(balanceAfter(me.balance, intent.offer)) })
                : m.promiseAfterOff({ balance: t.money(balanceAfter(me.balance, intent.offer)) })}
            </strong>
          </p>
          <FromProvider text={intent.offer.description} />
        </ChangeDialog>
      )}
    </ChangeScreen>
  );
}
