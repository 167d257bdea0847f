import { useState } from 'react';
import { addDays, daysBetween } from '../../../../shared/dates.js';
import { call, newIdempotencyKey } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { ChangeButton, ChangeNeeds, ChangeDialog, ChangeScreen, Pending, useConfirmedChange } from '../../app/confirmed-change.js';
import { useMe } from '../../app/screen-read.js';
import { Field, Notice, Screen } from '../../app/ui.js';
import type { PauseQuery as PauseResult, PauseRefusal } from '../../gql/graphql.js';
import { useI18n, type I18n, type TextKey } from '../../i18n/index.js';
import { EndPauseMutation, PauseQuery, StartPauseMutation } from './documents.js';

type PauseInfo = NonNullable<NonNullable<PauseResult['me']>['pause']>;

/** What the subscriber asked for, with the key that makes a second tap the same request. */
type Intent = { kind: 'start'; from: string; to: string | null; idempotencyKey: string } | { kind: 'end'; idempotencyKey: string };

/** Days from `from` to `to`, both included. */
const daysOf = (from: string, to: string) => daysBetween(from, to) + 1;

const REFUSALS: Record<PauseRefusal, TextKey> = {
  NOT_OFFERED: 'pauseRefusedNotOffered',
  TARIFF_NOT_ALLOWED: 'pauseRefusedTariff',
  NEGATIVE_BALANCE: 'pauseRefusedBalance',
  NO_DAYS_LEFT: 'pauseRefusedDays',
  ALREADY_PAUSED: 'pauseRefusedBooked',
  ACCOUNT_BLOCKED: 'pauseRefusedBlocked',
};

const refusalText = (t: I18n, refusal: PauseInfo['rules']['refusal']) => t.m[REFUSALS[refusal ?? 'NOT_OFFERED']];

/** The terms as the billing states them: what it costs and how many days are left. */
function PauseTerms({ pause }: { pause: PauseInfo }) {
  const t = useI18n();
  const { m } = t;
  return (
    <ul className="facts">
      <li>{pause.activationFee ? m.pauseActivationFee({ fee: t.money(pause.activationFee) }) : m.pauseFeeUnknown}</li>
      {pause.pricePerMonth && <li>{m.pausePricePerMonth({ price: t.money(pause.pricePerMonth) })}</li>}
      {pause.daysAllowed !== null && pause.daysAllowed !== undefined && <li>{m.pauseDaysUsed({ used: pause.daysUsed ?? 0, allowed: pause.daysAllowed })}</li>}
      {pause.rules.maxDays !== null && pause.rules.maxDays !== undefined && <li>{m.pauseMaxDays({ days: pause.rules.maxDays })}</li>}
      <li>{pause.rules.endRequired ? m.pauseEndsOnItsOwn : pause.rules.canEnd ? m.pauseUntilEnded : m.pauseUntilProviderEnds}</li>
    </ul>
  );
}

export function Pause() {
  const t = useI18n();
  const { m } = t;
  const { canAct, showDashboard } = useSignedIn();
  const { me, failure: loadFailure, show } = useMe(() => call(PauseQuery));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const change = useConfirmedChange(async (intent: Intent) => {
    const subscriber =
      intent.kind === 'start'
        ? (await call(StartPauseMutation, { from: intent.from, to: intent.to, idempotencyKey: intent.idempotencyKey })).startPause
        : (await call(EndPauseMutation, { idempotencyKey: intent.idempotencyKey })).endPause;
    showDashboard(subscriber);
    show(subscriber);
    return intent.kind === 'start' ? m.pauseStarted : m.pauseEnded;
  });
  const { intent } = change;

  if (me === undefined) return <Pending title={m.pauseTitle} failure={loadFailure} />;
  const pause: PauseInfo | null = me.pause ?? null;
  if (pause === null) {
    return (
      <Screen title={m.pauseTitle}>
        <p>{m.pauseRefusedNotOffered}</p>
      </Screen>
    );
  }

  const { rules } = pause;
  const start = rules.chooseStart ? from || rules.earliestStart : rules.earliestStart;

  const ask = () => {
    const last = rules.endRequired ? to : null;
    if (start < rules.earliestStart) return setFormError(m.pauseStartTooEarly({ date: t.date(rules.earliestStart) }));
    if (rules.endRequired && !last) return setFormError(m.pauseEndMissing);
    if (last && last < start) return setFormError(m.pauseEndBeforeStart);
    if (last && rules.maxDays && daysOf(start, last) > rules.maxDays) return setFormError(m.pauseMaxDays({ days: rules.maxDays }));
    setFormError(null);
    change.ask({ kind: 'start', from: start, to: last, idempotencyKey: newIdempotencyKey() });
  };

  return (
    <ChangeScreen title={m.pauseTitle} intro={m.pauseIntro} done={change.done}>
      {pause.active && (
        <section className="card" aria-labelledby="pause-now">
          <h2 id="pause-now">{pause.to ? m.pauseActiveUntil({ date: t.date(pause.to) }) : m.pauseActive}</h2>
          {pause.from && <p>{m.pauseSince({ date: t.date(pause.from) })}</p>}
          {rules.canEnd ? (
            <ChangeButton stepUp={change.stepUp} primary onClick={() => change.ask({ kind: 'end', idempotencyKey: newIdempotencyKey() })}>
              {m.pauseEnd}
            </ChangeButton>
          ) : (
            <p>{m.pauseUntilProviderEnds}</p>
          )}
        </section>
      )}
      {!pause.active && pause.from && (
        <Notice tone="info">{pause.to ? m.pauseBooked({ from: t.date(pause.from), to: t.date(pause.to) }) : m.pauseBookedOpen({ from: t.date(pause.from) })}</Notice>
      )}
      {!pause.active && !pause.available && !pause.from && <Notice tone="info">{refusalText(t, rules.refusal)}</Notice>}
      {pause.available && (
        <form
          className="card"
          aria-labelledby="pause-new"
          onSubmit={(event) => {
            event.preventDefault();
            ask();
          }}
          noValidate
        >
          <h2 id="pause-new">{m.pauseNew}</h2>
          <PauseTerms pause={pause} />
          {rules.chooseStart ? (
            <Field
              label={m.pauseFrom}
              type="date"
              name="from"
              min={rules.earliestStart}
              value={start}
              onChange={(event) => setFrom(event.target.value)}
              required
            />
          ) : (
            <p>{m.pauseStartsToday({ date: t.date(rules.earliestStart) })}</p>
          )}
          {rules.endRequired && (
            <Field
              label={m.pauseTo}
              type="date"
              name="to"
              min={start}
              max={rules.maxDays ? addDays(start, rules.maxDays - 1) : undefined}
              value={to}
              onChange={(event) => setTo(event.target.value)}
              error={formError}
              required
            />
          )}
          {!rules.endRequired && formError && <p className="field-error">{formError}</p>}
          <button type="submit" className="button primary" disabled={!canAct}>
            {m.pauseContinue}
          </button>
          <ChangeNeeds stepUp={change.stepUp} />
        </form>
      )}
      {intent && (
        <ChangeDialog change={change} title={intent.kind === 'start' ? m.pauseConfirmTitle : m.pauseEndConfirmTitle} confirmLabel={intent.kind === 'start' ? m.pauseConfirm : m.pauseEnd}>
          {intent.kind === 'start' ? (
            <>
              <p>{intent.to ? m.pauseConfirmDays({ from: t.date(intent.from), to: t.date(intent.to) }) : m.pauseConfirmOpen({ from: t.date(intent.from) })}</p>
              <p>{pause.activationFee ? m.pauseActivationFee({ fee: t.money(pause.activationFee) }) : m.pauseFeeUnknown}</p>
              {pause.pricePerMonth && <p>{m.pausePricePerMonth({ price: t.money(pause.pricePerMonth) })}</p>}
              <p>{m.pauseAfter}</p>
            </>
          ) : (
            <p>{m.pauseEndAfter}</p>
          )}
        </ChangeDialog>
      )}
    </ChangeScreen>
  );
}
