import { daysBetween } from '../../shared/dates.js';
import { CabinetError, notAllowed } from './errors.js';
import type { PauseInfo, PausePeriod, PauseRefusal } from './types.js';

const REFUSALS: Record<PauseRefusal, string> = {
  NOT_OFFERED: 'Your provider does not offer a pause in the cabinet. Please contact them.',
  TARIFF_NOT_ALLOWED: 'Your tariff cannot be paused.',
  NEGATIVE_BALANCE: 'A pause needs a balance of zero or more. Please top up first.',
  NO_DAYS_LEFT: 'You have used all the days of pause your provider allows.',
  ALREADY_PAUSED: 'Your service is already paused, or a pause is booked.',
  ACCOUNT_BLOCKED: 'Your account is blocked, so it cannot be paused. Please contact your provider.',
};

const badInput = (message: string) => new CabinetError('BAD_USER_INPUT', message);

/** Days from `from` to `to`, both included; YYYY-MM-DD. */
export function daysInPeriod(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

/**
 * Refuses a pause the billing's own rules, as read just now, do not allow: some billings' calls check
 * nothing and charge anyway, so nothing reaches them that their cabinet would have refused.
 */
export function checkPauseRequest(pause: PauseInfo, period: PausePeriod): void {
  if (pause.active) throw notAllowed(REFUSALS.ALREADY_PAUSED);
  if (!pause.available) throw notAllowed(REFUSALS[pause.rules.refusal ?? 'NOT_OFFERED']);
  const { rules } = pause;
  if (period.from < rules.earliestStart) throw badInput(`A pause cannot start before ${rules.earliestStart}.`);
  if (!rules.chooseStart && period.from !== rules.earliestStart) throw badInput(`A pause starts the day it is asked for: ${rules.earliestStart}.`);
  if (rules.endRequired && period.to === null) throw badInput('Choose the last day of the pause.');
  if (!rules.endRequired && period.to !== null) throw badInput('This pause lasts until you end it: leave the last day empty.');
  if (period.to !== null && period.to < period.from) throw badInput('The last day of a pause cannot be before its first day.');
  if (period.to !== null && rules.maxDays !== null && daysInPeriod(period.from, period.to) > rules.maxDays) {
    throw badInput(`A pause lasts at most ${rules.maxDays} days.`);
  }
}

/** The refusal of an endPause where the billing does not let the cabinet end a pause, or none runs. */
export function checkPauseEnd(pause: PauseInfo): void {
  if (!pause.active) throw notAllowed('Your service is not paused.');
  if (!pause.rules.canEnd) throw notAllowed('A pause can only be ended by your provider. Please contact them.');
}
