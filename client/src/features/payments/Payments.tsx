import { useEffect, useState } from 'react';
import { asApiError, call, reportSessionEnded, type ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Notice, Screen } from '../../app/ui.js';
import type { PaymentsQuery as PaymentsResult } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/index.js';
import { PaymentsQuery } from './documents.js';

type Payment = NonNullable<PaymentsResult['me']>['payments'][number];

export function Payments() {
  const t = useI18n();
  const { m } = t;
  const { canAct } = useSignedIn();
  const [payments, setPayments] = useState<Payment[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    call(PaymentsQuery)
      .then((data) => {
        if (!data.me) reportSessionEnded();
        else if (current) setPayments(data.me.payments);
      })
      .catch((error: unknown) => current && setFailure(asApiError(error)));
    return () => {
      current = false;
    };
  }, [attempt]);

  return (
    <Screen title={m.paymentsTitle}>
      {failure && (
        <>
          <Notice tone="error">{errorText(t, failure)}</Notice>
          <button
            type="button"
            className="button"
            disabled={!canAct}
            onClick={() => {
              setFailure(null);
              setAttempt((count) => count + 1);
            }}
          >
            {m.retry}
          </button>
        </>
      )}
      {!payments && !failure && (
        <p className="loading" role="status">
          {m.loading}
        </p>
      )}
      {payments?.length === 0 && <p>{m.noPayments}</p>}
      {payments && payments.length > 0 && (
        <ul className="card rows" data-testid="payments">
          {payments.map((payment, index) => (
            <li key={`${payment.date}-${index}`}>
              <span>
                {t.instantDate(payment.date)}
                {payment.note && <span className="sub">{payment.note}</span>}
              </span>
              <span className="figure">{t.money(payment.amount)}</span>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
