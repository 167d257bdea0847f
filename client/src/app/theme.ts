import type { ThemePreference } from './local-data';

/** Light or dark as chosen; "system" leaves it to prefers-color-scheme in the stylesheet. */
export function applyTheme(theme: ThemePreference): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
