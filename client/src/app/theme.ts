import { textColorOn } from './brand.js';
import type { ThemePreference } from './local-data.js';

/** Light or dark as chosen; "system" leaves it to prefers-color-scheme in the stylesheet. */
export function applyTheme(theme: ThemePreference): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Paints the shell in the ISP's colour (the BFF puts it in <meta name="theme-color">). */
export function applyBrandColor(color: string): void {
  if (!HEX_COLOR.test(color)) return;
  const root = document.documentElement.style;
  root.setProperty('--brand', color);
  root.setProperty('--on-brand', textColorOn(color));
}
