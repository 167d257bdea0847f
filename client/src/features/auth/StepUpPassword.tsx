import { PasswordField } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import type { StepUp } from './step-up.js';

/** The password asked for after automatic sign-in, inside a form of the change's own. */
export function StepUpField({ stepUp }: { stepUp: StepUp }) {
  const { m } = useI18n();
  if (!stepUp.asked) return null;
  return (
    <>
      <p>{m.stepUpIntro}</p>
      <PasswordField
        id="step-up-password"
        label={m.passwordLabel}
        autoComplete="current-password"
        value={stepUp.password}
        onChange={(event) => stepUp.setPassword(event.target.value)}
        error={stepUp.problem && (stepUp.problem === 'missing' ? m.passwordRequired : m.stepUpWrongPassword)}
      />
    </>
  );
}

/** The same in a change's dialog, as a form of its own: Enter in the field confirms the change. */
export function StepUpPassword({ stepUp, onConfirm }: { stepUp: StepUp; onConfirm(): void }) {
  if (!stepUp.asked) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      noValidate
    >
      <StepUpField stepUp={stepUp} />
    </form>
  );
}

/** Said beside a change's button before the tap, while the password will be asked for. */
export function NeedsPassword({ stepUp }: { stepUp: StepUp }) {
  const { m } = useI18n();
  return stepUp.asked ? <p className="hint">{m.needsPassword}</p> : null;
}
