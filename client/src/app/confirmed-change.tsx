import { useCallback, useState, type ReactNode } from 'react';
import { useStepUp, type StepUp } from '../features/auth/step-up.js';
import { NeedsPassword, StepUpPassword } from '../features/auth/StepUpPassword.js';
import { useI18n } from '../i18n/index.js';
import type { ApiError } from './api.js';
import { useSignedIn } from './cabinet-state.js';
import { errorText } from './error-text.js';
import { Failure } from './Failure.js';
import { Link } from './router.js';
import { ConfirmDialog, NeedsConnection, Notice, Screen } from './ui.js';

/** The screen while its query runs, or why it could not read. */
export function Pending({ title, failure }: { title: string; failure: ApiError | null }) {
  const t = useI18n();
  return <Screen title={title}>{failure ? <Notice tone="error">{errorText(t, failure)}</Notice> : <p role="status">{t.m.loading}</p>}</Screen>;
}

/**
 * A change the subscriber confirms in a dialog: the intent waiting for it, its run (which answers
 * what to say after), the billing's failure, what the last change did (`done`, with `tell` for news
 * that comes later) and, after automatic sign-in, the password the BFF asks for first (`stepUp`,
 * shown by StepUpPassword). A change the BFF does not guard with @passwordConfirmed says so with
 * `passwordConfirmed: false`: its dialog does not ask for the password first.
 */
export function useConfirmedChange<Intent, Said = string>(run: (intent: Intent) => Promise<Said>, { passwordConfirmed = true } = {}) {
  const [intent, setIntent] = useState<Intent | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Said | null>(null);
  const stepUp = useStepUp(passwordConfirmed);
  // What to say may be a function of the words, which setDone alone would call as an update.
  const tell = useCallback((said: Said | null) => setDone(() => said), []);
  return {
    intent,
    busy,
    failure,
    done,
    stepUp,
    tell,
    ask(next: Intent) {
      tell(null);
      setFailure(null);
      stepUp.reset();
      setIntent(next);
    },
    dismiss() {
      setIntent(null);
      setFailure(null);
    },
    async confirm() {
      if (!intent) return;
      setBusy(true);
      setFailure(null);
      await stepUp.guard(async () => {
        tell(await run(intent));
        setIntent(null);
      }, setFailure);
      setBusy(false);
    },
  };
}

/** What a confirmed change says when it is done, with the way back home; `info` when the news is not all good. */
export function Done({ tone = 'success', children }: { tone?: 'success' | 'info'; children: ReactNode }) {
  const { m } = useI18n();
  return (
    <Notice tone={tone}>
      {children} <Link to="/">{m.toHome}</Link>
    </Notice>
  );
}

/** A screen where the subscriber confirms changes: what the last one did (`done`) above the screen's intro and its content. */
export function ChangeScreen({ title, intro, done, doneTone, children }: { title: string; intro: string; done: ReactNode; doneTone?: 'success' | 'info'; children: ReactNode }) {
  return (
    <Screen title={title}>
      {done && <Done tone={doneTone}>{done}</Done>}
      <p>{intro}</p>
      {children}
    </Screen>
  );
}

/**
 * What a change still needs, said beside its button before the tap: the password, while the change
 * will ask for it (`stepUp`, after automatic sign-in), and a connection, while there is none.
 */
export function ChangeNeeds({ stepUp }: { stepUp: StepUp }) {
  const { canAct } = useSignedIn();
  return (
    <>
      <NeedsPassword stepUp={stepUp} />
      {!canAct && <NeedsConnection />}
    </>
  );
}

/** The button that asks for a change: off without a connection, with what the change still needs beside it. */
export function ChangeButton({ stepUp, primary = false, onClick, children }: { stepUp: StepUp; primary?: boolean; onClick(): void; children: ReactNode }) {
  const { canAct } = useSignedIn();
  return (
    <>
      <button type="button" className={primary ? 'button primary' : 'button'} disabled={!canAct} onClick={onClick}>
        {children}
      </button>
      <ChangeNeeds stepUp={stepUp} />
    </>
  );
}

type ConfirmedChange = ReturnType<typeof useConfirmedChange>;

/**
 * The dialog that confirms a change: busy while it runs, what went wrong with the last try (after a
 * refusal the one button left is OK), Cancel forgets the change, and the password, when it is asked for.
 */
export function ChangeDialog({ change, title, confirmLabel, children }: { change: Pick<ConfirmedChange, 'busy' | 'failure' | 'stepUp' | 'confirm' | 'dismiss'>; title: string; confirmLabel: string; children: ReactNode }) {
  const confirm = () => void change.confirm();
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      busy={change.busy}
      error={change.failure && <Failure error={change.failure} />}
      refused={change.failure?.code === 'NOT_ALLOWED'}
      onConfirm={confirm}
      onCancel={change.dismiss}
    >
      {children}
      <StepUpPassword stepUp={change.stepUp} onConfirm={confirm} />
    </ConfirmDialog>
  );
}
