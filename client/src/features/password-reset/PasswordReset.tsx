import { useState, type FormEvent } from 'react';
import { asApiError, call, type ApiError } from '../../app/api.js';
import { useCabinet } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link, navigate, useLocation } from '../../app/router.js';
import { Field, NeedsConnection, Notice, PasswordField, Screen } from '../../app/ui.js';
import { loadInputRules, problemWith, type Problem } from '../../app/validate.js';
import type { ResetChannel } from '../../gql/graphql.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { ConfirmPasswordResetMutation, RequestPasswordResetMutation } from './documents.js';
import { clearPendingReset, loadPendingReset, savePendingReset } from './pending-reset.js';

type Step = { name: 'request' } | { name: 'confirm'; ticket: string; channel: ResetChannel | null } | { name: 'done' };

function codeSentText(t: I18n, channel: ResetChannel | null): string | null {
  // The server never says which channel, or whether the login exists: the same words for every answer.
  if (channel !== null) return t.m.codeSentIfExists;
  return null;
}

function RequestStep({ initialLogin, onSent }: { initialLogin: string; onSent(ticket: string, channel: ResetChannel): void }) {
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
      onSent(requestPasswordReset.ticket, requestPasswordReset.channel);
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{m.resetIntro}</p>
      <Field
        label={m.loginLabel}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={login}
        onChange={(event) => setLogin(event.target.value)}
        error={problem && { missing: m.loginRequired, 'too-long': m.loginTooLong, 'bad-characters': m.loginInvalid }[problem]}
      />
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
  initialCode,
  onDone,
  onStartAgain,
}: {
  ticket: string;
  channel: ResetChannel | null;
  initialCode: string;
  onDone(): void;
  onStartAgain(): void;
}) {
  const t = useI18n();
  const { m } = t;
  const { canAct } = useCabinet();
  const [code, setCode] = useState(initialCode);
  const [password, setPassword] = useState('');
  const [codeProblem, setCodeProblem] = useState<Problem | null>(null);
  const [passwordProblem, setPasswordProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const sent = codeSentText(t, channel);

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
      <button type="button" className="button" onClick={onStartAgain}>
        {m.sendAgain}
      </button>
    </form>
  );
}

/** Reset by code: ask for a code, then set the password with it, also straight from /reset?ticket=…&code=…. */
export function PasswordReset() {
  const { m } = useI18n();
  const { query } = useLocation();
  const [linkCode] = useState(() => query.get('code') ?? '');
  // The login typed on the sign-in screen comes along, so it is not typed twice.
  const [fromSignIn] = useState(() => query.get('login') ?? '');
  const [step, setStep] = useState<Step>(() => {
    const linkTicket = query.get('ticket');
    if (linkTicket) return { name: 'confirm', ticket: linkTicket, channel: null };
    const pending = loadPendingReset();
    return pending ? { name: 'confirm', ticket: pending.ticket, channel: pending.channel } : { name: 'request' };
  });

  return (
    <Screen title={m.resetTitle}>
      {step.name === 'request' && <RequestStep initialLogin={fromSignIn} onSent={(ticket, channel) => setStep({ name: 'confirm', ticket, channel })} />}
      {step.name === 'confirm' && (
        <ConfirmStep
          ticket={step.ticket}
          channel={step.channel}
          initialCode={linkCode}
          onDone={() => {
            // The code must not stay in the address bar or the history.
            navigate('/reset', { replace: true });
            setStep({ name: 'done' });
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
            <Link className="button primary" to="/">
              {m.toSignIn}
            </Link>
          </p>
        </>
      )}
    </Screen>
  );
}
