import type { z } from 'zod';

type InputRules = typeof import('../../../shared/validation.js');

let rules: Promise<InputRules> | null = null;

/**
 * The shared input rules bring zod (about 20 KB gzip), so they load when a form is first touched,
 * not with the first screen; the service worker has them precached after the first visit.
 */
export function loadInputRules(): Promise<InputRules> {
  rules ??= import('../../../shared/validation.js');
  return rules;
}

/** What is wrong with a value under one of the shared input rules, as a kind the form words in its language. */
export type Problem = 'missing' | 'too-long' | 'bad-characters';

export function problemWith(schema: z.ZodType, value: string): Problem | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue?.code === 'too_small') return 'missing';
  if (issue?.code === 'too_big') return 'too-long';
  return 'bad-characters';
}
