import { useState, type FormEvent } from 'react';
import { asApiError, call, type ApiError } from '../../app/api.js';
import { useCabinet } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link, navigate, useLocation } from '../../app/router.js';
import { Field, LoginField, NeedsConnection, Notice, PasswordField, Screen } from '../../app/ui.js';
import { loadInputRules, problemWith, type Problem } from '../../app/validate.js';
import type { ResetChannel } from '../../gql/graphql.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { compileLanguages } from '../../i18n/messages.js';
import type { PasswordResetTexts } from '../../i18n/messages.generated.js';
import { ConfirmPasswordResetMutation, RequestPasswordResetMutation } from './documents.js';
import { clearPendingReset, loadPendingReset, savePendingReset } from './pending-reset.js';
import textsJson from './texts.json' with { type: 'json' };

/** The reset screen's newer words, loaded with the screen rather than with the first one. */
const resetTexts = compileLanguages<PasswordResetTexts>(textsJson);

/** `login` is the one the code was asked for, when this browser asked; a code link alone does not say. */
type Step =
  | { name: 'request' }
  | { name: 'confirm'; ticket: string; channel: ResetChannel | null; login: string | null; resent: boolean }
  | { name: 'done'; login: string | null };

function codeSentText(t: I18n, channel: ResetChannel | null): string | null {
  // The server never says which channel, or whether the login exists: the same words for every answer.
  if (channel !== null) return t.m.codeSentIfExists;
  return null;
}

function RequestStep({ initialLogin, onSent }: { initialLogin: string; onSent(ticket: string, channel: ResetChannel, login: string): void }) {
  const t = useI18n();
  const { m } = t;
  const { canAct } = useCabinet();
  const [login, setLogin] = useState(initialLogin);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { loginSchema } = await loadInputRules();
    const badLogin = problemWith(loginSchema, login);
    setProblem(badLogin);
    if (badLogin) return;
    setBusy(true);
    setFailure(null);
    try {
      const { requestPasswordReset } = await call(RequestPasswordResetMutation, { login: login.trim() });
      savePendingReset({ login: login.trim(), ...requestPasswordReset });
      onSent(requestPasswordReset.ticket, requestPasswordReset.channel, login.trim());
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{m.resetIntro}</p>
      <LoginField value={login} onChange={(event) => setLogin(event.target.value)} problem={problem} />
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      <button type="submit" className="button primary" disabled={busy || !canAct} aria-busy={busy}>
        {m.sendCode}
      </button>
      {!canAct && <NeedsConnection />}
    </form>
  );
}

function ConfirmStep({
  ticket,
  channel,
  login,
  resent,
  initialCode,
  onDone,
  onResent,
  onStartAgain,
}: {
  ticket: string;
  channel: ResetChannel | null;
  login: string | null;
  resent: boolean;
  initialCode: string;
  onDone(): void;
  onResent(ticket: string, channel: ResetChannel): void;
  onStartAgain(): void;
}) {
  const t = useI18n();
  const { m } = t;
  const words = resetTexts[t.language];
  const { canAct } = useCabinet();
  const [code, setCode] = useState(initialCode);
  const [password, setPassword] = useState('');
  const [codeProblem, setCodeProblem] = useState<Problem | null>(null);
  const [passwordProblem, setPasswordProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const sent = resent && login ? words.newCodeRequested({ login }) : codeSentText(t, channel);

  /** A new code for the same login, at once; the server's limit answers with how long to wait. */
  const sendAgain = async () => {
    if (!login) {
      onStartAgain();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const { requestPasswordReset } = await call(RequestPasswordResetMutation, { login });
      savePendingReset({ login, ...requestPasswordReset });
      setCode('');
      onResent(requestPasswordReset.ticket, requestPasswordReset.channel);
    } catch (error) {
      setFailure(asApiError(error));
    }
    setBusy(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { newPasswordSchema, resetCodeSchema } = await loadInputRules();
    const badCode = problemWith(resetCodeSchema, code);
    const badPassword = problemWith(newPasswordSchema, password);
    setCodeProblem(badCode);
    setPasswordProblem(badPassword);
    if (badCode || badPassword) return;
    setBusy(true);
    setFailure(null);
    try {
      await call(ConfirmPasswordResetMutation, { ticket, code: code.trim(), newPassword: password });
      clearPendingReset();
      onDone();
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
      {sent && <Notice tone="info">{sent}</Notice>}
      <Field
        label={m.codeLabel}
        name="one-time-code"
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeProblem && { missing: m.codeRequired, 'too-long': m.codeTooLong, 'bad-characters': m.codeInvalid }[codeProblem]}
      />
      <PasswordField
        label={m.newPasswordLabel}
        name="new-password"
        autoComplete="new-password"
        autoFocus={initialCode !== ''}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordProblem && (passwordProblem === 'missing' ? m.newPasswordTooShort : m.passwordTooLong)}
      />
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      <button type="submit" className="button primary" disabled={busy || !canAct} aria-busy={busy}>
        {m.setPassword}
      </button>
      {!canAct && <NeedsConnection />}
      <button type="button" className="button" onClick={() => void sendAgain()} disabled={busy || !canAct}>
        {m.sendAgain}
      </button>
    </form>
  );
}

/** Reset by code: ask for a code, then set the password with it, also straight from /reset?ticket=…&code=…. */
export function PasswordReset() {
  const t = useI18n();
  const { m } = t;
  const { query } = useLocation();
  const [linkCode] = useState(() => query.get('code') ?? '');
  // The login typed on the sign-in screen comes along, so it is not typed twice.
  const [fromSignIn] = useState(() => query.get('login') ?? '');
  const [step, setStep] = useState<Step>(() => {
    const linkTicket = query.get('ticket');
    const pending = loadPendingReset();
    if (linkTicket) return { name: 'confirm', ticket: linkTicket, channel: null, login: pending?.ticket === linkTicket ? pending.login : null, resent: false };
    return pending ? { name: 'confirm', ticket: pending.ticket, channel: pending.channel, login: pending.login, resent: false } : { name: 'request' };
  });
  const words = resetTexts[t.language];

  return (
    <Screen title={m.resetTitle}>
      {step.name === 'request' && (
        <RequestStep initialLogin={fromSignIn} onSent={(ticket, channel, login) => setStep({ name: 'confirm', ticket, channel, login, resent: false })} />
      )}
      {step.name === 'confirm' && (
        <ConfirmStep
          key={step.ticket}
          ticket={step.ticket}
          channel={step.channel}
          login={step.login}
          resent={step.resent}
          initialCode={step.resent ? '' : linkCode}
          onDone={() => {
            // The code must not stay in the address bar or the history.
            navigate('/reset', { replace: true });
            setStep({ name: 'done', login: step.login });
          }}
          onResent={(ticket, channel) => {
            navigate('/reset', { replace: true });
            setStep({ name: 'confirm', ticket, channel, login: step.login, resent: true });
          }}
          onStartAgain={() => {
            clearPendingReset();
            navigate('/reset', { replace: true });
            setStep({ name: 'request' });
          }}
        />
      )}
      {step.name === 'done' && (
        <>
          <Notice tone="success">{m.resetDone}</Notice>
          <p>
            {/* The sign-in form opens with the login filled in: only the new password is left to type. */}
            <Link className="button primary" to={step.login ? `/?${new URLSearchParams({ login: step.login }).toString()}` : '/'}>
              {step.login ? words.signInAs({ login: step.login }) : m.toSignIn}
            </Link>
          </p>
        </>
      )}
    </Screen>
  );
}
