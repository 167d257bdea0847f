import { z } from 'zod';

/**
 * Input rules shared by the PWA (to say what is wrong before sending) and the BFF (to refuse it).
 * Ubilling passes raw values to SQL and shell, so these are strict allow-lists, not deny-lists.
 */
export const loginSchema = z
  .string()
  .trim()
  .min(1, 'Enter your login')
  .max(64, 'A login is at most 64 characters')
  .regex(/^[A-Za-z0-9_.@-]+$/, 'A login has only letters, digits and _ . @ -');

export const passwordSchema = z.string().min(1, 'Enter your password').max(128, 'A password is at most 128 characters');

export const newPasswordSchema = z
  .string()
  .min(7, 'A new password has at least 7 characters')
  .max(128, 'A password is at most 128 characters');

export const resetCodeSchema = z
  .string()
  .trim()
  .min(4, 'Enter the code from the message')
  .max(16, 'The code is at most 16 characters')
  .regex(/^[A-Za-z0-9]+$/, 'The code has only letters and digits');

/** Ids of billing objects (services, offers): digits, or short slugs some billings use. */
export const billingIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Not a valid id');

export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid idempotency key');

export const ticketSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'Not a valid ticket');

/** FCM registration tokens are base64url with ':'; APNs tokens are hex. */
export const pushTokenSchema = z.string().min(8).max(4096).regex(/^[A-Za-z0-9_:.-]+$/, 'Not a valid push token');

const webPushEndpointSchema = z.url({ protocol: /^https$/ }).max(2048);

/** What unregisterPush takes: a Web Push endpoint or a native token. */
export const pushAddressSchema = z.union([pushTokenSchema, webPushEndpointSchema]);

export const webPushSubscriptionSchema = z.object({
  endpoint: webPushEndpointSchema,
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_=-]{40,200}$/),
    auth: z.string().regex(/^[A-Za-z0-9_=-]{8,64}$/),
  }),
});

/** Text a subscriber writes to the ISP: anything printable, tabs and line breaks, no other control characters. */
const isPlainText = (text: string) =>
  [...text].every((character) => {
    const code = character.codePointAt(0)!;
    return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
  });

/** Blank means none. Short enough for one line of a list. */
export const ticketSubjectSchema = z
  .string()
  .trim()
  .max(120, 'A subject is at most 120 characters')
  .refine(isPlainText, 'A subject has no control characters')
  .nullish()
  .transform((subject) => subject || null);

/**
 * One message to support. 2000 characters: a long letter, and still within the URL Ubilling takes it in
 * (base64 in the query string).
 */
export const ticketTextSchema = z
  .string()
  .trim()
  .min(1, 'Write your message')
  .max(2000, 'A message is at most 2000 characters')
  .refine(isPlainText, 'A message has no control characters');
/** A top-up amount as typed: up to 7 digits and 2 decimals, a comma taken as the point. The bounds are the ISP's (cabinet.paymentMethods). */
export const topUpAmountSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(',', '.'))
  .pipe(z.string().regex(/^\d{1,7}(?:\.\d{1,2})?$/, 'Enter an amount such as 300 or 300.50'));

/** Our top-up ids are UUIDs. */
export const topUpIdSchema = z.uuid('Not a valid top-up id');

/** A real calendar day, YYYY-MM-DD (no 2026-02-30). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'Not a real date');

/** The days a subscriber asks to pause: a last day, when given, within two years of the first. */
export const pausePeriodSchema = z
  .object({ from: calendarDateSchema, to: calendarDateSchema.nullish().transform((to) => to ?? null) })
  .refine(({ from, to }) => to === null || to >= from, { message: 'The last day of a pause cannot be before its first day', path: ['to'] })
  .refine(({ from, to }) => to === null || Date.parse(to) - Date.parse(from) <= 731 * 86_400_000, { message: 'A pause is at most two years long', path: ['to'] });

/**
 * A phone as digits with an optional leading +, spaces, dashes and brackets dropped: 10 to 15
 * digits (a national number such as 0501234567, or an international one). Carbon sends reset codes
 * to it by SMS.
 */
export const phoneSchema = z
  .string()
  .trim()
  .transform((phone) => phone.replace(/[\s()-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{10,15}$/, 'A phone number has 10 to 15 digits, e.g. +380501234567'));

/** An e-mail address, at most 254 characters, as the mail standards allow. */
export const emailSchema = z.string().trim().max(254, 'An e-mail address is at most 254 characters').pipe(z.email('Not an e-mail address'));

/** The contacts to change: at least one; null or absent keeps that one. */
export const contactsChangeSchema = z
  .object({ phone: phoneSchema.nullish().transform((phone) => phone ?? null), email: emailSchema.nullish().transform((email) => email ?? null) })
  .refine(({ phone, email }) => phone !== null || email !== null, { message: 'Give a phone number or an e-mail address to change', path: ['phone'] });
