import { useEffect, useId, useRef, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { useCabinet } from './cabinet-state.js';
import { hasNavigated } from './router.js';
import type { Problem } from './validate.js';

/** A screen: its heading names it, titles the tab, and takes the focus after in-app navigation. */
export function Screen({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { cabinet } = useCabinet();
  const name = cabinet?.name ?? document.title;
  useEffect(() => {
    document.title = title === name ? name : `${title} · ${name}`;
  }, [title, name]);
  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; hint?: string };

export function Field({ label, error, hint, ...input }: FieldProps) {
  const generatedId = useId();
  const id = input.id ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type PasswordFieldProps = Omit<FieldProps, 'type'> & { autoComplete: 'current-password' | 'new-password' };

/** A password with its "Show password" switch; `autoComplete` tells a password manager to fill it or to save a new one. */
export function PasswordField(props: PasswordFieldProps) {
  const { m } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <>
      <Field {...props} type={shown ? 'text' : 'password'} />
      <label className="check">
        <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        {m.showPassword}
      </label>
    </>
  );
}

/** The login as the contract gives it: no capital letter or spelling fix from the phone's keyboard. */
export function LoginField({ id, value, onChange, problem, hint }: { id?: string; value: string; onChange(event: ChangeEvent<HTMLInputElement>): void; problem: Problem | null; hint?: string }) {
  const { m } = useI18n();
  return (
    <Field
      id={id}
      label={m.loginLabel}
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      onChange={onChange}
      hint={hint}
      error={problem && { missing: m.loginRequired, 'too-long': m.loginTooLong, 'bad-characters': m.loginInvalid }[problem]}
    />
  );
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A message in the page. Errors interrupt a screen reader; everything else waits its turn. */
export function Notice({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <div className={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  /** What went wrong with the last try, shown above the buttons. */
  error: ReactNode;
  /** The billing said no: trying again changes nothing, so the one button left is OK. */
  refused?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a change; the native modal dialog keeps the focus inside and closes on Escape. */
export function ConfirmDialog({ title, children, confirmLabel, busy, error, refused = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const { m } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      {typeof error === 'string' ? <Notice tone="error">{error}</Notice> : error}
      <div className="actions">
        {refused ? (
          <button type="button" className="button primary" onClick={onCancel}>
            {m.ok}
          </button>
        ) : (
          <>
            <button type="button" className="button primary" onClick={onConfirm} disabled={busy} aria-busy={busy}>
              {confirmLabel}
            </button>
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              {m.cancel}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}

/** What the provider wrote about a service or an offer, marked as theirs; nothing when they wrote nothing. */
export function FromProvider({ text }: { text: string | null | undefined }) {
  const { m } = useI18n();
  if (!text) return null;
  return (
    <p className="sub">
      {m.fromProvider} {text}
    </p>
  );
}

/** Said beside every action that cannot run without a connection. */
export function NeedsConnection() {
  const { m } = useI18n();
  return <p className="hint">{m.needsConnectionShort}</p>;
}

/** Something on its way: a screen's code or its data. */
export function Loading() {
  const { m } = useI18n();
  return (
    <p className="loading" role="status">
      {m.loading}
    </p>
  );
}
