/**
 * Writes client/src/i18n/messages.generated.ts, the types of the PWA's texts, from their English (the
 * reference; a unit test holds the other languages to its keys and placeholders): the main dictionary
 * client/src/i18n/en.json as `Messages`, and each screen's client/src/features/<screen>/texts.json as
 * `<Screen>Texts`. A text is a `string`; one with `{name}` placeholders, a function of an object of those
 * values (client/src/i18n/messages.ts compiles it); an object of CLDR plural categories, `PluralForms`.
 * With --check, writes nothing and exits 1 when the file is not what the JSON makes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { placeholders } from '../client/src/i18n/messages.js';
import { projectPath } from '../server/paths.js';
import { writeGenerated } from './generated-file.js';

const path = projectPath('client', 'src', 'i18n', 'messages.generated.ts');
const PLURAL_CATEGORIES = new Set<string>(['zero', 'one', 'two', 'few', 'many', 'other']);

const readJson = (...segments: string[]): Record<string, unknown> => JSON.parse(readFileSync(projectPath(...segments), 'utf8')) as Record<string, unknown>;
const propertyName = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

function typeOf(value: unknown, where: string, indent: string): string {
  if (typeof value === 'string') {
    const names = placeholders(value).sort();
    return names.length === 0 ? 'string' : `(values: { ${names.map((name) => `${name}: string | number`).join('; ')} }) => string`;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => PLURAL_CATEGORIES.has(key))) {
      if (!keys.includes('other')) throw new Error(`${where}: plural forms need "other"`);
      return 'PluralForms';
    }
    return `{\n${properties(value as Record<string, unknown>, where, `${indent}  `)}${indent}}`;
  }
  throw new Error(`${where}: a text is a string or an object of texts, not ${JSON.stringify(value)}`);
}

function properties(texts: Record<string, unknown>, where: string, indent: string): string {
  return Object.entries(texts)
    .map(([key, value]) => `${indent}${propertyName(key)}: ${typeOf(value, `${where}.${key}`, indent)};\n`)
    .join('');
}

const declare = (name: string, source: string, texts: unknown) => `/** From ${source}. */\nexport interface ${name} ${typeOf(texts, source, '')}\n`;

const screens = readdirSync(projectPath('client', 'src', 'features'))
  .filter((screen) => existsSync(projectPath('client', 'src', 'features', screen, 'texts.json')))
  .sort();
const pascal = (folder: string) => folder.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase());

const text = [
  '// Generated from the English of client/src/i18n/en.json and client/src/features/*/texts.json by scripts/messages-types.ts (npm run codegen). Do not edit.',
  "import type { PluralForms } from './plural.js';",
  '',
  declare('Messages', 'client/src/i18n/en.json', readJson('client', 'src', 'i18n', 'en.json')),
  ...screens.map((screen) => declare(`${pascal(screen)}Texts`, `client/src/features/${screen}/texts.json`, readJson('client', 'src', 'features', screen, 'texts.json').en)),
].join('\n');

writeGenerated(path, text);
