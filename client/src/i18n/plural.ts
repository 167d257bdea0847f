import { numberFormat } from './format.js';

/** Plural forms by CLDR category; `#` stands for the formatted number. `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLocale = new Map<string, Intl.PluralRules>();

export function pluralize(locale: string, count: number, forms: PluralForms): string {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replace('#', numberFormat(locale, {}).format(count));
}
