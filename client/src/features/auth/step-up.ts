import { useState } from 'react';
import { asApiError, call, type ApiError } from '../../app/api.js';
import { ConfirmPasswordMutation } from './documents.js';

/**
 * Whether this tab's session was opened by network address: the BFF then asks for the password
 * before a change it guards (@passwordConfirmed), and the screens say so before the tap. Kept for
 * the tab only; the BFF decides in the end, and its PASSWORD_REQUIRED sets the mark too.
 */
const KEY = 'abonent.needsPassword';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export const stepUp = {
  needed: (): boolean => storage()?.getItem(KEY) === '1',
  require: (): void => storage()?.setItem(KEY, '1'),
  done: (): void => storage()?.removeItem(KEY),
};

export type PasswordProblem = 'missing' | 'wrong';

export interface StepUp {
  /** The password is asked for in the change's dialog. */
  asked: boolean;
  password: string;
  problem: PasswordProblem | null;
  setPassword(value: string): void;
  /** A new change: the field starts empty. */
  reset(): void;
  /** Before the change runs: confirms the password when it is asked for. False while the field has a problem to show. */
  confirm(): Promise<boolean>;
  /** After a change failed: true when it failed for want of the password, which is asked for from now on. */
  askedFor(error: ApiError): boolean;
}

/** A change after automatic sign-in: the password in the same dialog, confirmed, then the change goes on. */
export function useStepUp(): StepUp {
  const [asked, setAsked] = useState(stepUp.needed);
  const [password, setPasswordValue] = useState('');
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  return {
    asked,
    password,
    problem,
    setPassword(value) {
      setPasswordValue(value);
      setProblem(null);
    },
    reset() {
      setPasswordValue('');
      setProblem(null);
    },
    async confirm() {
      if (!asked) return true;
      if (!password) {
        setProblem('missing');
        return false;
      }
      try {
        await call(ConfirmPasswordMutation, { password });
      } catch (error) {
        // A mistyped password is the field's problem, not the change's: the dialog stays for another try.
        if (asApiError(error).code !== 'INVALID_CREDENTIALS') throw error;
        setProblem('wrong');
        return false;
      }
      stepUp.done();
      setAsked(false);
      setPasswordValue('');
      return true;
    },
    askedFor(error) {
      if (error.code !== 'NOT_ALLOWED' || error.reason !== 'PASSWORD_REQUIRED') return false;
      stepUp.require();
      setAsked(true);
      return true;
    },
  };
}
