import { isIPv4 } from 'node:net';
import { z } from 'zod';
import { billingIdSchema, loginSchema, passwordSchema } from '../../../shared/validation.js';

/**
 * Input rules for values that reach Ubilling. RemoteAPI interpolates `login` raw into SQL and into
 * sgconf shell commands, so these are tighter than the shared rules they extend.
 */

/** Ubilling's own login filter keeps only these characters (userstats strips the rest), and `users.login` is 50 wide. */
export const ubillingLoginSchema = loginSchema
  .max(50, 'A login is at most 50 characters')
  .regex(/^[A-Za-z0-9_.]+$/, 'A login has only Latin letters, digits, _ and .');

/**
 * A plain-text password as RemoteAPI compares it. Ubilling treats `userpass=0` as "no password given"
 * and then skips the check, so "0" can never be a password here.
 */
export const ubillingPasswordSchema = passwordSchema
  .refine((value) => ![...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f), 'A password has no control characters')
  .refine((value) => value !== '0', 'Wrong login or password');

export const ipv4Schema = z.string().refine((value) => isIPv4(value), 'Not an IPv4 address');

/** A credit or fee amount as `sc` takes it: a plain decimal with at most 2 decimals, within sane bounds. */
export const creditAmountSchema = z
  .string()
  .regex(/^\d{1,7}(?:\.\d{1,2})?$/, 'Not an amount')
  .refine((value) => Number(value) <= 1_000_000, 'Amount too large');

export const ymdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Not a date');

export const offerIdSchema = billingIdSchema;
