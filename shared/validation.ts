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
