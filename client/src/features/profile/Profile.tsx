import { useEffect, useState, type FormEvent } from 'react';
import { asApiError, call, reportSessionEnded, type ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Failure } from '../../app/Failure.js';
import { Field, NeedsConnection, Notice, PasswordField, Screen } from '../../app/ui.js';
import { loadInputRules, problemWith } from '../../app/validate.js';
import { useI18n } from '../../i18n/index.js';
import { compileLanguages } from '../../i18n/messages.js';
import type { ProfileTexts } from '../../i18n/messages.generated.js';
import { useStepUp } from '../auth/step-up.js';
import { StepUpField } from '../auth/StepUpPassword.js';
import { ChangePasswordMutation, ProfileQuery, UpdateContactsMutation } from './documents.js';
import textsJson from './texts.json' with { type: 'json' };

/** The profile screen's words (and its name for More), loaded with the screen rather than with the first one. */
const profileTexts = compileLanguages<ProfileTexts>(textsJson);

/** newPasswordSchema's bounds (shared/validation.ts), said in the form's words before anything is sent. */
const MIN_PASSWORD = 7;

/** The end of a profile form: why the last try failed, the button (saying so while it works), and the connection it needs. */
function SubmitRow({ label, busy, failure }: { label: string; busy: boolean; failure: ApiError | null }) {
  const t = useI18n();
  const texts = profileTexts[t.language];
  const { canAct } = useSignedIn();
  return (
    <>
      {failure && <Failure error={failure} />}
      <button type="submit" className="button primary" disabled={!canAct || busy} aria-busy={busy}>
        {busy ? texts.working : label}
      </button>
      {!canAct && <NeedsConnection />}
    </>
  );
}

function PasswordForm() {
  const t = useI18n();
  const texts = profileTexts[t.language];
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const { newPasswordSchema } = await loadInputRules();
    const problem = problemWith(newPasswordSchema, next);
    const found = {
      current: current ? undefined : texts.missingCurrent,
      next: problem === 'too-long' ? texts.tooLong : problem ? texts.tooShort({ min: MIN_PASSWORD }) : next === current ? texts.same : undefined,
      repeat: !problem && repeat !== next ? texts.mismatch : undefined,
    };
    setProblems(found);
    if (found.current || found.next || found.repeat) return;
    setBusy(true);
    try {
      await call(ChangePasswordMutation, { current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.code === 'INVALID_CREDENTIALS') setProblems({ current: texts.wrongCurrent });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" aria-labelledby="password-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="password-title">{texts.passwordTitle}</h2>
      {done && <Notice tone="success">{texts.passwordChanged}</Notice>}
      <PasswordField label={texts.current} name="current-password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} error={problems.current} />
      <PasswordField
        label={texts.newPassword}
        name="new-password"
        autoComplete="new-password"
        hint={texts.newPasswordHint({ min: MIN_PASSWORD })}
        value={next}
        onChange={(event) => setNext(event.target.value)}
        error={problems.next}
      />
      <PasswordField label={texts.repeat} name="repeat-password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} error={problems.repeat} />
      <SubmitRow label={texts.changePassword} busy={busy} failure={failure} />
    </form>
  );
}

function ContactsForm() {
  const t = useI18n();
  const texts = profileTexts[t.language];
  const [saved, setSaved] = useState<{ phone: string; email: string } | undefined>(undefined);
  const [loadFailure, setLoadFailure] = useState<ApiError | null>(null);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<{ phone?: string; email?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const stepUp = useStepUp();

  useEffect(() => {
    let current = true;
    call(ProfileQuery)
      .then((data) => {
        if (!data.me) return reportSessionEnded();
        if (!current) return;
        const known = { phone: data.me.phone ?? '', email: data.me.email ?? '' };
        setSaved(known);
        setPhone(known.phone);
        setEmail(known.email);
      })
      .catch((error: unknown) => current && setLoadFailure(asApiError(error)));
    return () => {
      current = false;
    };
  }, []);

  if (loadFailure) return <Notice tone="error">{errorText(t, loadFailure)}</Notice>;
  if (!saved) return <p role="status">{t.m.loading}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const changed = { phone: phone.trim() !== saved.phone ? phone.trim() : null, email: email.trim() !== saved.email ? email.trim() : null };
    if (changed.phone === null && changed.email === null) return setProblems({ phone: texts.nothingChanged });
    const { emailSchema, phoneSchema } = await loadInputRules();
    const found = {
      phone: changed.phone !== null && problemWith(phoneSchema, changed.phone) ? texts.phoneInvalid : undefined,
      email: changed.email !== null && problemWith(emailSchema, changed.email) ? texts.emailInvalid : undefined,
    };
    setProblems(found);
    if (found.phone || found.email) return;
    setBusy(true);
    await stepUp.guard(async () => {
      const updated = (await call(UpdateContactsMutation, changed)).updateContacts;
      const known = { phone: updated.phone ?? '', email: updated.email ?? '' };
      setSaved(known);
      setPhone(known.phone);
      setEmail(known.email);
      setDone(true);
    }, setFailure);
    setBusy(false);
  };

  return (
    <form className="card form" aria-labelledby="contacts-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="contacts-title">{texts.contactsTitle}</h2>
      <p>{texts.contactsIntro}</p>
      {done && <Notice tone="success">{texts.contactsSaved}</Notice>}
      <Field label={texts.phone} name="phone" type="tel" autoComplete="tel" hint={texts.phoneHint} value={phone} onChange={(event) => setPhone(event.target.value)} error={problems.phone} />
      <Field label={texts.email} name="email" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} error={problems.email} />
      <StepUpField stepUp={stepUp} />
      <SubmitRow label={texts.saveContacts} busy={busy} failure={failure} />
    </form>
  );
}

/** The subscriber's own password and contacts, each shown only where the billing can change it. */
export function Profile() {
  const { language } = useI18n();
  const { cabinet } = useSignedIn();
  const { passwordChange, contactsChange } = cabinet.capabilities;
  return (
    <Screen title={profileTexts[language].title}>
      {passwordChange && <PasswordForm />}
      {contactsChange && <ContactsForm />}
    </Screen>
  );
}
