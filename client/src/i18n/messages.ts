import type { Language } from './index.js';

/** The values a message with placeholders is called with, by placeholder name. */
export type MessageValues = Record<string, string | number>;

/** `{name}` in a text stands for the value named `name`. */
const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names in a text, each once, in the order they first stand. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

/**
 * A text as the JSON has it becomes what the screens use: a plain text stays a string, a text with
 * placeholders becomes a function of one object of named values (so a translation may order its words
 * freely), and an object (plural forms, a group of texts) is compiled key by key. Plain replacement,
 * no eval: the page's Content-Security-Policy forbids it. A value left out leaves its `{name}` showing.
 */
function compileText(text: unknown): unknown {
  if (typeof text === 'string') {
    if (placeholders(text).length === 0) return text;
    return (values: MessageValues) => text.replace(PLACEHOLDER, (marker, name: string) => String(values[name] ?? marker));
  }
  if (text && typeof text === 'object') return Object.fromEntries(Object.entries(text).map(([key, inner]) => [key, compileText(inner)]));
  return text;
}

/**
 * A dictionary from its JSON. `T` is its type as messages.generated.ts has it, made from the English;
 * test/unit/client/translations.test.ts holds the other languages to the English's keys and placeholders.
 */
export function compileMessages<T>(json: object): T {
  return compileText(json) as T;
}

/** Texts in every language, from JSON of `{ "en": {…}, "uk": {…}, "ru": {…} }` such as a screen's texts.json. */
export function compileLanguages<T>(json: Record<Language, object>): Record<Language, T> {
  return compileMessages<Record<Language, T>>(json);
}
