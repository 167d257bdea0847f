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
  /**
   * Runs a change the BFF may guard: first the password, when it is asked for; a change refused for
   * want of it asks for it from then on. Any other failure goes to `failed`; nothing is retried.
   */
  guard(change: () => Promise<void>, failed: (error: ApiError) => void): Promise<void>;
}

/**
 * A change after automatic sign-in: the password in the same dialog, confirmed, then the change goes on.
 * A change the BFF does not guard (`guarded` false) is not asked for it first, only if the BFF asks after all.
 */
export function useStepUp(guarded = true): StepUp {
  const [asked, setAsked] = useState(() => guarded && stepUp.needed());
  const [password, setPasswordValue] = useState('');
  const [problem, setProblem] = useState<PasswordProblem | null>(null);

  /** False while the field has a problem to show. */
  const confirm = async (): Promise<boolean> => {
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
  };

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
    async guard(change, failed) {
      try {
        if (await confirm()) await change();
      } catch (error) {
        const apiError = asApiError(error);
        if (apiError.code !== 'NOT_ALLOWED' || apiError.reason !== 'PASSWORD_REQUIRED') return failed(apiError);
        stepUp.require();
        setAsked(true);
      }
    },
  };
}
