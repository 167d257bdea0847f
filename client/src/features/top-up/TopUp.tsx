import { useEffect, useState } from 'react';
import { topUpAmountSchema } from '../../../../shared/validation.js';
import { asApiError, call, newIdempotencyKey, type ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Field, NeedsConnection, Notice, Screen } from '../../app/ui.js';
import type { TopUpMethodsQuery as TopUpMethodsData } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/index.js';
import { amountToTopUp } from '../dashboard/status.js';
import { StartTopUpMutation, TopUpMethodsQuery } from './documents.js';

type Method = TopUpMethodsData['cabinet']['paymentMethods'][number];

const cents = (amount: string) => Math.round(Number(amount) * 100);

/** The amount (what is owed, prefilled), the ways the ISP takes money, and what happens after paying. */
export function TopUp() {
  const t = useI18n();
  const { m } = t;
  const { me, canAct } = useSignedIn();
  const owed = amountToTopUp(me);
  const [amount, setAmount] = useState(owed ? owed.amount.replace('-', '') : '');
  const [methods, setMethods] = useState<Method[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const parsed = topUpAmountSchema.safeParse(amount);
  const valid = parsed.success ? parsed.data : null;

  useEffect(() => {
    let current = true;
    call(TopUpMethodsQuery, { amount: valid })
      .then((data) => current && setMethods(data.cabinet.paymentMethods))
      .catch((error: unknown) => current && setFailure(asApiError(error)));
    return () => {
      current = false;
    };
  }, [valid]);

  const bounds = methods?.[0];
  const outOfBounds = valid !== null && bounds !== undefined && (cents(valid) < cents(bounds.minAmount.amount) || cents(valid) > cents(bounds.maxAmount.amount));
  const amountError = amount !== '' && valid === null ? m.topUpAmountInvalid : outOfBounds && bounds ? m.topUpAmountBounds({ min: t.money(bounds.minAmount), max: t.money(bounds.maxAmount) }) : null;

  const pay = async (method: Method) => {
    if (valid === null || outOfBounds) return;
    setBusy(method.id);
    setFailure(null);
    try {
      const { startTopUp } = await call(StartTopUpMutation, { methodId: method.id, amount: valid, idempotencyKey: newIdempotencyKey() });
      if (startTopUp.checkoutUrl) window.location.assign(startTopUp.checkoutUrl);
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(null);
    }
  };

  return (
    <Screen title={m.topUpTitle}>
      <Field label={m.topUpAmount} inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} error={amountError} hint={owed ? m.topUpOwed({ amount: t.money({ ...owed, amount: owed.amount.replace('-', '') }) }) : undefined} />
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      {methods !== null && methods.length === 0 && <p>{m.topUpNoMethods}</p>}
      {methods !== null && methods.length > 0 && (
        <>
          <h2>{m.topUpHow}</h2>
          <ul className="list">
            {methods.map((method) => (
              <li key={method.id} className="card" data-testid={`method-${method.id}`}>
                <h3>{method.name}</h3>
                <p className="sub">{method.kind === 'CHECKOUT' ? m.topUpCheckoutNote : m.topUpLinkNote}</p>
                {method.kind === 'CHECKOUT' ? (
                  <button type="button" className="button primary" disabled={!canAct || valid === null || outOfBounds || busy !== null} onClick={() => void pay(method)}>
                    {busy === method.id ? m.topUpOpening : valid ? m.topUpPay({ amount: t.money({ amount: valid, currency: method.minAmount.currency }) }) : m.navTopUp}
                    <span className="visually-hidden">: {method.name}</span>
                  </button>
                ) : (
                  method.url && (
                    <a className="button" href={method.url} target="_blank" rel="noopener noreferrer">
                      {m.topUpOpenLink({ name: method.name })}
                    </a>
                  )
                )}
              </li>
            ))}
          </ul>
          {!canAct && <NeedsConnection />}
          <p className="sub">{m.topUpNext}</p>
        </>
      )}
    </Screen>
  );
}
