import { lazy, Suspense } from 'react';
import { sumMoney } from '../../../../shared/money.js';
import { useSignedIn, type Me } from '../../app/cabinet-state.js';
import { Link } from '../../app/router.js';
import { SupportContacts } from '../../app/SupportContacts.js';
import { Screen } from '../../app/ui.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { browserSupportsPush } from '../push/support.js';
import { offersPromisePay, statusText, statusTone } from './status.js';

// Only browsers that can take Web Push load it, after the dashboard is up: it is not first-screen code.
const PushNotifications = lazy(() => import('../push/PushNotifications.js').then((module) => ({ default: module.PushNotifications })));

function periodPrice(t: I18n, price: { amount: string; currency: string }, period: 'MONTH' | 'DAY' | null): string {
  const text = t.money(price);
  if (period === 'DAY') return t.m.perDay(text);
  if (period === 'MONTH') return t.m.perMonth(text);
  return text;
}

function Spends({ me }: { me: Me }) {
  const t = useI18n();
  if (me.spends.length === 0) return null;
  const monthly = me.spends.every((spend) => spend.period === 'MONTH');
  const [first] = me.spends;
  return (
    <section className="card" aria-labelledby="spends-title">
      <h2 id="spends-title">{t.m.spendsTitle}</h2>
      <ul className="rows">
        {me.spends.map((spend, index) => (
          <li key={`${spend.name}-${index}`}>
            <span>{spend.name}</span>
            <span className="figure">{periodPrice(t, spend.price, spend.period)}</span>
          </li>
        ))}
        {monthly && first && me.spends.length > 1 && (
          <li className="total">
            <span>{t.m.spendsTotal}</span>
            <span className="figure">{t.money(sumMoney(me.spends.map((spend) => spend.price), first.price.currency))}</span>
          </li>
        )}
      </ul>
    </section>
  );
}

export function Dashboard() {
  const t = useI18n();
  const { m } = t;
  const { cabinet, me } = useSignedIn();
  const active = me.promisePay.active;
  return (
    <Screen title={m.dashboardTitle}>
      <section className="card hero" aria-label={m.balance}>
        <p className="label">{m.balance}</p>
        <p className="balance" data-testid="balance">
          {t.money(me.balance)}
        </p>
        <p className={`status ${statusTone(me.status)}`} data-testid="status">
          {statusText(t, me)}
        </p>
        {(me.daysLeft !== null || me.paidUntil) && (
          <p data-testid="days-left">
            {me.daysLeft !== null && <strong>{t.plural(m.daysLeft, me.daysLeft)}</strong>}
            {me.daysLeft !== null && me.paidUntil && ' · '}
            {me.paidUntil && m.paidUntil(t.date(me.paidUntil))}
          </p>
        )}
        {active && <p>{active.until ? m.promiseActive(t.money(active.amount), t.date(active.until)) : m.promiseActiveNoDate(t.money(active.amount))}</p>}
        {offersPromisePay(me, cabinet.capabilities.promisePay) && (
          <Link className="button primary" to="/promise-pay">
            {m.takePromisePay}
          </Link>
        )}
      </section>

      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title" className="visually-hidden">
          {m.account}
        </h2>
        <dl className="facts">
          {me.amountToPay && (
            <div>
              <dt>{m.amountToPay}</dt>
              <dd className="figure" data-testid="amount-to-pay">
                {t.money(me.amountToPay)}
              </dd>
            </div>
          )}
          {me.credit && (
            <div>
              <dt>{m.credit}</dt>
              <dd className="figure">{t.money(me.credit)}</dd>
            </div>
          )}
          {me.tariff && (
            <div>
              <dt>{m.tariff}</dt>
              <dd data-testid="tariff">
                {me.tariff.name}
                {me.tariff.fee && <span className="sub">{periodPrice(t, me.tariff.fee, me.tariff.period)}</span>}
                {me.tariff.speedIn !== null && me.tariff.speedOut !== null && (
                  <span className="sub">{m.speed(t.speed(me.tariff.speedIn), t.speed(me.tariff.speedOut))}</span>
                )}
                {me.nextTariff && <span className="sub">{m.nextTariff(me.nextTariff.name)}</span>}
              </dd>
            </div>
          )}
          {me.contractNumber && (
            <div>
              <dt>{m.contract}</dt>
              <dd>{me.contractNumber}</dd>
            </div>
          )}
          {me.accountNumber && (
            <div>
              <dt>{m.account}</dt>
              <dd>{me.accountNumber}</dd>
            </div>
          )}
        </dl>
        {me.fullName && <p className="sub">{me.fullName}</p>}
      </section>

      <Spends me={me} />
      <SupportContacts support={cabinet.support} />
      {/* Last, so the card arriving after its lazy chunk moves nothing the subscriber is reading. */}
      {cabinet.vapidPublicKey && browserSupportsPush() && (
        <Suspense fallback={null}>
          <PushNotifications vapidPublicKey={cabinet.vapidPublicKey} />
        </Suspense>
      )}
    </Screen>
  );
}
