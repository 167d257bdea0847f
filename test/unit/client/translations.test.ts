import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../client/src/i18n/index.js';
import { compileMessages, placeholders, type MessageValues } from '../../../client/src/i18n/messages.js';
import { projectPath } from '../../../server/paths.js';

/**
 * The texts are JSON data, typed from their English (scripts/messages-types.ts), so nothing but this
 * holds a translation to English: the same keys, the same `{name}` placeholders for each text, and
 * plural forms with "other" and only the CLDR categories the language has. Every translation file is
 * read: the main dictionaries (one file a language), the refusals, and each screen's texts.json.
 */
type Text = string | { [key: string]: Text };
type PluralForms = Record<string, string>;

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const readJson = (path: string) => JSON.parse(readFileSync(projectPath(path), 'utf8')) as Record<string, Text>;

const screens = readdirSync(projectPath('client', 'src', 'features')).filter((screen) => existsSync(projectPath('client', 'src', 'features', screen, 'texts.json')));
const files: { file: string; byLanguage: Record<string, Text> }[] = [
  { file: 'client/src/i18n/<language>.json', byLanguage: Object.fromEntries(LANGUAGES.map((language) => [language, readJson(`client/src/i18n/${language}.json`)])) },
  { file: 'client/src/i18n/refusals.json', byLanguage: readJson('client/src/i18n/refusals.json') },
  ...screens.map((screen) => ({ file: `client/src/features/${screen}/texts.json`, byLanguage: readJson(`client/src/features/${screen}/texts.json`) })),
];

const isPlural = (text: Text): text is PluralForms => typeof text === 'object' && Object.keys(text).length > 0 && Object.keys(text).every((key) => PLURAL_CATEGORIES.includes(key));

/** Each text by its path ("kinds.TARIFF"); a set of plural forms is one text. */
function texts(text: Text, path = ''): Map<string, string | PluralForms> {
  if (typeof text === 'string' || isPlural(text)) return new Map([[path, text]]);
  return new Map(Object.entries(text).flatMap(([key, inner]) => [...texts(inner, path ? `${path}.${key}` : key)]));
}

/** The placeholders of a text, sorted; of plural forms, those of each form. */
const placeholdersOf = (text: string | PluralForms) => (typeof text === 'string' ? [text] : Object.values(text)).map((form) => placeholders(form).sort().join(', '));

describe('translation files', () => {
  it('include every screen’s texts.json, each with every language', () => {
    expect(screens).toEqual(expect.arrayContaining(['connection', 'history', 'password-reset', 'profile', 'tariff']));
    for (const { file, byLanguage } of files) expect(Object.keys(byLanguage).sort(), file).toEqual([...LANGUAGES].sort());
  });

  describe.each(files)('$file', ({ byLanguage }) => {
    const english = texts(byLanguage.en!);
    const translations = LANGUAGES.map((language) => ({ language, texts: texts(byLanguage[language]!) }));

    it('has exactly the keys of English in every language', () => {
      expect(english.size).toBeGreaterThan(0);
      for (const { language, texts: translated } of translations) {
        expect([...english.keys()].filter((key) => !translated.has(key)), `missing from ${language}`).toEqual([]);
        expect([...translated.keys()].filter((key) => !english.has(key)), `in ${language} but not in English`).toEqual([]);
      }
    });

    it('has the placeholders of English in every text', () => {
      for (const { language, texts: translated } of translations) {
        const differing = [...translated].filter(([key, text]) => {
          const reference = english.get(key);
          if (reference === undefined) return false;
          const expected = placeholdersOf(reference)[0] ?? '';
          return placeholdersOf(text).some((found) => found !== expected);
        });
        expect(differing.map(([key]) => key), `placeholders in ${language} differ from English`).toEqual([]);
      }
    });

    it('gives plural forms "other" and only the categories the language has, where English has plural forms', () => {
      for (const { language, texts: translated } of translations) {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
        for (const [key, text] of translated) {
          const reference = english.get(key);
          if (reference === undefined) continue;
          expect(typeof text === 'object', `${language} ${key}: plural forms exactly where English has them`).toBe(typeof reference === 'object');
          if (typeof text !== 'object') continue;
          expect(Object.keys(text), `${language} ${key}`).toContain('other');
          expect(Object.keys(text).filter((category) => !categories.includes(category)), `${language} ${key}: categories ${language} does not use`).toEqual([]);
        }
      }
    });
  });
});

describe('a text with placeholders', () => {
  const compile = (text: string) => compileMessages<{ text: (values: MessageValues) => string }>({ text }).text;

  it('takes its values by name, wherever the translation puts them', () => {
    expect(compile('From {from} your tariff will be {name}.')({ name: 'Fast 500', from: '1 December' })).toBe('From 1 December your tariff will be Fast 500.');
    expect(compile('{name} — з {from}')({ name: 'Fast 500', from: '1 грудня' })).toBe('Fast 500 — з 1 грудня');
  });

  it('writes numbers, fills a placeholder each time it stands, and takes values literally', () => {
    expect(compile('Days of pause used: {used} of {allowed}.')({ used: 3, allowed: 10 })).toBe('Days of pause used: 3 of 10.');
    expect(compile('{what}, {what}')({ what: 'x' })).toBe('x, x');
    expect(compile('Pay {amount}')({ amount: '$& {amount}' })).toBe('Pay $& {amount}');
  });

  it('leaves plain texts, plural forms and groups of texts as they are', () => {
    const json = { plain: 'Loading…', seconds: { one: '# second', other: '# seconds' }, kinds: { TARIFF: 'Tariff' } };
    expect(compileMessages(json)).toEqual(json);
  });
});
