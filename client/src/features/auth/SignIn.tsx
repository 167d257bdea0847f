import { useState, type FormEvent } from 'react';
import { asApiError, call, type ApiError } from '../../app/api.js';
import { useCabinet } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link, navigate } from '../../app/router.js';
import { SupportContacts } from '../../app/SupportContacts.js';
import { LoginField, NeedsConnection, Notice, PasswordField, Screen } from '../../app/ui.js';
import { loadInputRules, problemWith, type Problem } from '../../app/validate.js';
import { useI18n } from '../../i18n/index.js';
import { AutoLoginMutation, LoginMutation } from './documents.js';
import { stepUp } from './step-up.js';

/** What a login looks like with each billing, as printed on the contract; null where it varies. */
const LOGIN_EXAMPLES: Record<string, string | null> = { CARBON5: 'BILL0000101', UBILLING: 'kovalenko', CARBON_LEGACY: null };

export function SignIn() {
  const t = useI18n();
  const { m } = t;
  const { cabinet, canAct, sessionEnded, offlineSignOut, showDashboard } = useCabinet();
  // A finished password reset sends the subscriber here with the login it was for.
  const [login, setLogin] = useState(() => new URLSearchParams(location.search).get('login') ?? '');
  const [password, setPassword] = useState('');
  const [loginProblem, setLoginProblem] = useState<Problem | null>(null);
  const [passwordProblem, setPasswordProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!cabinet) return null;
  const { capabilities } = cabinet;
  const resetPath = login.trim() ? `/reset?${new URLSearchParams({ login: login.trim() }).toString()}` : '/reset';
  const loginExample = LOGIN_EXAMPLES[cabinet.billingKind];

  const signedIn = (me: Parameters<typeof showDashboard>[0]) => {
    showDashboard(me);
    // The dashboard replaces this form: moving "to" the same place hands it the focus.
    navigate(location.pathname + location.search, { replace: true });
  };

  const run = async (attempt: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await attempt();
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { loginSchema, passwordSchema } = await loadInputRules();
      const badLogin = problemWith(loginSchema, login);
      const badPassword = problemWith(passwordSchema, password);
      setLoginProblem(badLogin);
      setPasswordProblem(badPassword);
      if (badLogin || badPassword) {
        setBusy(false);
        document.getElementById(badLogin ? 'login' : 'password')?.focus();
        return;
      }
      const data = await call(LoginMutation, { login: login.trim(), password });
      stepUp.done();
      signedIn(data.login.subscriber);
    });
  };

  const autoLogin = () =>
    run(async () => {
      const data = await call(AutoLoginMutation);
      stepUp.require();
      signedIn(data.autoLogin.subscriber);
    });

  return (
    <Screen title={m.signInTitle}>
      {sessionEnded && !failure && <Notice tone="warning">{m.errorUnauthenticated}</Notice>}
      {offlineSignOut && <Notice tone="info">{offlineSignOut === 'pending' ? m.signedOutOffline : m.signedOutOnServer}</Notice>}
      {capabilities.passwordLogin && (
        <form className="card form" onSubmit={submit} onFocus={() => void loadInputRules()} noValidate>
          <LoginField
            id="login"
            value={login}
            onChange={(event) => setLogin(event.target.value)}
            hint={loginExample ? m.loginHintExample({ example: loginExample }) : m.loginHint}
            problem={loginProblem}
          />
          <PasswordField
            id="password"
            label={m.passwordLabel}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={passwordProblem && (passwordProblem === 'missing' ? m.passwordRequired : m.passwordTooLong)}
          />
          {failure && (
            <Notice tone="error">
              {errorText(t, failure)}
              {failure.code === 'INVALID_CREDENTIALS' && capabilities.passwordReset && (
                <>
                  {' '}
                  <Link to={resetPath}>{m.forgotPassword}</Link>
                </>
              )}
              {failure.code === 'RATE_LIMITED' && (
                // Waiting is not the only way in: the home network signs in without a password, and support can help.
                <span className="actions">
                  {capabilities.autoLogin && (
                    <button type="button" className="button" onClick={() => void autoLogin()} disabled={busy || !canAct}>
                      {m.autoLogin}
                    </button>
                  )}
                  {cabinet.support && <a href="#support-title">{m.contactSupport}</a>}
                </span>
              )}
            </Notice>
          )}
          <button type="submit" className="button primary" disabled={busy || !canAct} aria-busy={busy}>
            {busy ? m.signingIn : m.signIn}
          </button>
          {!canAct && <NeedsConnection />}
        </form>
      )}
      {capabilities.autoLogin && (
        <div className="card">
          <button type="button" className="button" onClick={() => void autoLogin()} disabled={busy || !canAct}>
            {m.autoLogin}
          </button>
          <p className="hint">{m.autoLoginHint}</p>
          {!capabilities.passwordLogin && failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
        </div>
      )}
      {capabilities.passwordReset ? (
        <p>
          <Link to={resetPath}>{m.forgotPassword}</Link>
        </p>
      ) : (
        <p>{m.resetViaSupport}</p>
      )}
      {cabinet.demo && (
        <Notice tone="info">
          {m.demoHint} <Link to="/outbox">{m.outboxTitle}</Link>
        </Notice>
      )}
      <SupportContacts support={cabinet.support} />
    </Screen>
  );
}
