import { call } from '../../app/api.js';
import { ReadList, useScreenRead } from '../../app/screen-read.js';
import { Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { PaymentsQuery } from './documents.js';
import { PaymentRows } from './PaymentRows.js';

export function Payments() {
  const { m } = useI18n();
  const { data, failure, reload } = useScreenRead(() => call(PaymentsQuery));
  return (
    <Screen title={m.paymentsTitle}>
      <ReadList items={data?.me.payments} failure={failure} onRetry={reload} empty={m.noPayments}>
        {(payments) => <PaymentRows payments={payments} asCard testId="payments" />}
      </ReadList>
    </Screen>
  );
}
