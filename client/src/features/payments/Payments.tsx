import { call } from '../../app/api.js';
import { ReadProgress, useScreenRead } from '../../app/screen-read.js';
import { Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { PaymentsQuery } from './documents.js';
import { PaymentRows } from './PaymentRows.js';

export function Payments() {
  const t = useI18n();
  const { m } = t;
  const { data, failure, reload } = useScreenRead(() => call(PaymentsQuery));
  const payments = data?.me.payments;

  return (
    <Screen title={m.paymentsTitle}>
      {!payments && <ReadProgress failure={failure} onRetry={reload} />}
      {payments?.length === 0 && <p>{m.noPayments}</p>}
      {payments && payments.length > 0 && (
        <PaymentRows payments={payments} asCard testId="payments" />
      )}
    </Screen>
  );
}
