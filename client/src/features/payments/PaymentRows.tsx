import { useI18n } from '../../i18n/index.js';

interface PaymentRow {
  date: string;
  note: string | null;
  amount: { amount: string; currency: string };
}

/** Payments as rows: when, the billing's note, how much; `asCard` when the list is the card itself. */
export function PaymentRows({ payments, asCard = false, testId }: { payments: readonly PaymentRow[]; asCard?: boolean; testId?: string }) {
  const t = useI18n();
  return (
    <ul className={asCard ? 'card rows' : 'rows'} data-testid={testId}>
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
  );
}
