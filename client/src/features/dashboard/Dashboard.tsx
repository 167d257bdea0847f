import { lazy, Suspense } from 'react';
import { sumMoney, toMinorUnits } from '../../../../shared/money.js';
import { useSignedIn, type Me } from '../../app/cabinet-state.js';
import { Link } from '../../app/router.js';
import { SupportContacts } from '../../app/SupportContacts.js';
import { Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { screenShown } from '../../app/screens.js';
import { headline, offersPromisePay, showsDaysLeft, toPayLine } from './status.js';
import { periodPrice } from '../../app/period-price.js';

// Only after the dashboard is up: it is not first-screen code.
const NoticesBanner = lazy(() => import('../notices/Notices.js').then((module) => ({ default: module.NoticesBanner })));
// Only a paused account needs it, so it loads with it rather than with every first screen.
const PauseAction = lazy(() => import('../pause/PauseAction.js').then((module) => ({ default: module.PauseAction })));


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

function isAboveZero(value: { amount: string } | null): value is { amount: string; currency: string } {
  return !!value && (toMinorUnits(value.amount) ?? 0n) > 0n;
}

export function Dashboard() {
  const t = useI18n();
  const { m } = t;
  const { cabinet, me } = useSignedIn();
  const active = me.promisePay.active;
  const { text, tone } = headline(t, me);
  const toPay = toPayLine(t, me);
  return (
    <Screen title={m.dashboardTitle}>
      <section className="card hero" aria-label={m.balance}>
        <p className="headline" data-tone={tone} data-testid="status">
          {text}
        </p>
        {showsDaysLeft(me) && (
          <p data-testid="days-left">
            <strong>{t.plural(m.daysLeft, me.daysLeft)}</strong>
          </p>
        )}
        <p className="label">{m.balance}</p>
        <p className="balance" data-testid="balance">
          {t.money(me.balance)}
        </p>
        {active && <p>{active.until ? m.promiseActive({ amount: t.money(active.amount), date: t.date(active.until) }) : m.promiseActiveNoDate({ amount: t.money(active.amount) })}</p>}
        {toPay && (
          <p className="to-pay" data-testid="to-pay">
            <span className="label">{m.amountToPay}: </span>
            {toPay}
          </p>
        )}
        <div className="actions">
          {screenShown('/top-up', cabinet.capabilities) && (
            <Link className="button primary" to="/top-up">
              {m.navTopUp}
            </Link>
          )}
          {offersPromisePay(me, cabinet.capabilities.promisePay) && (
            <Link className="button" to="/promise-pay">
              {m.takePromisePay}
            </Link>
          )}
          {me.status === 'FROZEN' && screenShown('/pause', cabinet.capabilities) && (
            <Suspense
              fallback={
                <Link className="button" to="/pause">
                  {m.pauseTitle}
                </Link>
              }
            >
              <PauseAction />
            </Suspense>
          )}
        </div>
      </section>

      {/* After the answer to "does my Internet work": notices that arrive late move nothing above them. */}
      {cabinet.capabilities.announcements && (
        <Suspense fallback={null}>
          <NoticesBanner />
        </Suspense>
      )}

      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title" className="visually-hidden">
          {m.account}
        </h2>
        <dl className="facts">
          {isAboveZero(me.credit) && (
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
                  <span className="sub">{m.speed({ down: t.speed(me.tariff.speedIn), up: t.speed(me.tariff.speedOut) })}</span>
                )}
                {me.nextTariff && (
                  <span className="sub" data-testid="next-tariff">
                    {me.nextTariffFrom ? m.nextTariffFrom({ date: t.date(me.nextTariffFrom), name: me.nextTariff.name }) : m.nextTariff({ name: me.nextTariff.name })}
                    {me.nextTariff.fee && `, ${periodPrice(t, me.nextTariff.fee, me.nextTariff.period)}`}
                  </span>
                )}
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
          {me.ipAddresses.length > 0 && (
            <div>
              <dt>{m.ipAddresses}</dt>
              <dd data-testid="ip-addresses">{me.ipAddresses.join(', ')}</dd>
            </div>
          )}
        </dl>
        {me.fullName && <p className="sub">{me.fullName}</p>}
      </section>

      <Spends me={me} />
      <SupportContacts support={cabinet.support} />
    </Screen>
  );
}
