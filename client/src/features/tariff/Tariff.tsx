import { call, newIdempotencyKey } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { ChangeButton, ChangeDialog, ChangeNeeds, ChangeScreen, Pending, useConfirmedChange } from '../../app/confirmed-change.js';
import { useMe } from '../../app/screen-read.js';
import { periodPrice } from '../../app/period-price.js';
import type { TariffQuery as TariffResult } from '../../gql/graphql.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { compileLanguages } from '../../i18n/messages.js';
import type { TariffTexts } from '../../i18n/messages.generated.js';
import { CancelTariffChangeMutation, ChangeTariffMutation, TariffQuery } from './documents.js';
import textsJson from './texts.json' with { type: 'json' };

/** The tariff screen's words (and its name for More), loaded with the screen rather than with the first one. */
const tariffTexts = compileLanguages<TariffTexts>(textsJson);

type Me = NonNullable<TariffResult['me']>;
type Option = Me['tariffOptions'][number];

/** What the subscriber asked for, with the key that makes a second tap the same request. */
type Intent = { kind: 'change'; option: Option; idempotencyKey: string } | { kind: 'cancel'; idempotencyKey: string };

function changeFeeText(t: I18n, texts: TariffTexts, fee: Option['changeFee']): string {
  if (!fee) return texts.changeFeeUnknown;
  return Number(fee.amount) > 0 ? texts.changeFee({ fee: t.money(fee) }) : texts.changeFree;
}

/** One tariff on offer: its fee and speeds, what changing costs and from which day it applies. */
function OptionCard({ option, disabled, onChoose }: { option: Option; disabled: boolean; onChoose(): void }) {
  const t = useI18n();
  const texts = tariffTexts[t.language];
  return (
    <li className="card" data-testid="tariff-option">
      <h3>{option.name}</h3>
      <ul className="facts">
        <li>{option.fee ? periodPrice(t, option.fee, option.period ?? null) : texts.feeUnknown}</li>
        {option.speedIn !== null && option.speedIn !== undefined && option.speedOut !== null && option.speedOut !== undefined && (
          <li>{t.m.speed({ down: t.speed(option.speedIn), up: t.speed(option.speedOut) })}</li>
        )}
        <li>{changeFeeText(t, texts, option.changeFee)}</li>
        <li>{texts.starts({ date: t.date(option.from) })}</li>
      </ul>
      <button type="button" className="button primary" disabled={disabled} onClick={onChoose}>
        {texts.choose({ name: option.name })}
      </button>
    </li>
  );
}

export function Tariff() {
  const t = useI18n();
  const texts = tariffTexts[t.language];
  const { canAct, showDashboard } = useSignedIn();
  const { me, failure: loadFailure, show } = useMe(() => call(TariffQuery));
  const change = useConfirmedChange(async (intent: Intent) => {
    const subscriber =
      intent.kind === 'change'
        ? (await call(ChangeTariffMutation, { tariffId: intent.option.id, idempotencyKey: intent.idempotencyKey })).changeTariff
        : (await call(CancelTariffChangeMutation, { idempotencyKey: intent.idempotencyKey })).cancelTariffChange;
    showDashboard(subscriber);
    show(subscriber);
    return intent.kind === 'change' ? texts.done({ name: intent.option.name, from: t.date(intent.option.from) }) : texts.cancelled;
  });

  if (me === undefined) return <Pending title={texts.title} failure={loadFailure} />;
  const currentName = me.tariff?.name ?? '';
  const booked = me.nextTariff !== null && me.nextTariff !== undefined;
  const { intent } = change;

  return (
    <ChangeScreen title={texts.title} intro={texts.intro} done={change.done}>
      {me.tariff && (
        <section className="card" aria-labelledby="tariff-current">
          <h2 id="tariff-current">{texts.current}</h2>
          <p data-testid="current-tariff">
            <strong>{me.tariff.name}</strong>
            {me.tariff.fee && <> · {periodPrice(t, me.tariff.fee, me.tariff.period ?? null)}</>}
          </p>
        </section>
      )}
      {booked && (
        <section className="card" aria-labelledby="tariff-booked" data-testid="booked-tariff">
          <h2 id="tariff-booked">{me.nextTariffFrom ? texts.booked({ name: me.nextTariff!.name, from: t.date(me.nextTariffFrom) }) : texts.bookedUndated({ name: me.nextTariff!.name })}</h2>
          {me.tariffChangeCancellable ? (
            <ChangeButton stepUp={change.stepUp} onClick={() => change.ask({ kind: 'cancel', idempotencyKey: newIdempotencyKey() })}>
              {texts.cancel}
            </ChangeButton>
          ) : (
            <p>{texts.bookedByProvider}</p>
          )}
        </section>
      )}
      <section aria-labelledby="tariff-options">
        <h2 id="tariff-options">{texts.options}</h2>
        {me.tariffOptions.length === 0 ? (
          <p>{texts.none}</p>
        ) : (
          <>
            {booked && <p className="hint">{texts.bookedFirst}</p>}
            <ul className="list">
              {me.tariffOptions.map((option) => (
                <OptionCard
                  key={option.id}
                  option={option}
                  disabled={!canAct || booked}
                  onChoose={() => change.ask({ kind: 'change', option, idempotencyKey: newIdempotencyKey() })}
                />
              ))}
            </ul>
            <ChangeNeeds stepUp={change.stepUp} />
          </>
        )}
      </section>
      {intent && (
        <ChangeDialog
          change={change}
          title={intent.kind === 'change' ? texts.confirmTitle({ name: intent.option.name }) : texts.cancelConfirmTitle}
          confirmLabel={intent.kind === 'change' ? texts.confirm : texts.cancelConfirm}
        >
          {intent.kind === 'change' ? (
            <>
              <p>{texts.confirmFrom({ date: t.date(intent.option.from) })}</p>
              {currentName && <p>{texts.confirmUntil({ name: currentName })}</p>}
              <p>{intent.option.fee ? texts.confirmFee({ fee: periodPrice(t, intent.option.fee, intent.option.period ?? null) }) : texts.feeUnknown}</p>
              <p>{changeFeeText(t, texts, intent.option.changeFee)}</p>
            </>
          ) : (
            <p>{texts.cancelAfter({ name: currentName })}</p>
          )}
        </ChangeDialog>
      )}
    </ChangeScreen>
  );
}
