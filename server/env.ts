import { z } from 'zod';

/**
 * What every part of the configuration reads environment variables with, the common part in
 * server/config.ts and each billing's own in server/billing/<kind>/config.ts alike.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Unset or blank is undefined. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

export const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

/** "true" or "1" is on; unset, blank, "false" or "0" is off. */
export const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('')
  .transform((value) => value === 'true' || value === '1');
