import type { Config } from '../config.js';
import type { PwaLanguage } from './manifest.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/**
 * The built index.html with this ISP's name, colour and the page language filled in. The template
 * is our own (client/index.html), so its three tags are known exactly.
 */
export function renderIndexHtml(template: string, config: Config, lang: PwaLanguage): string {
  return template
    .replace(/<html lang="[^"]*">/, `<html lang="${lang}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(config.CABINET_NAME)}</title>`)
    .replace(/<meta name="theme-color" content="[^"]*" \/>/, `<meta name="theme-color" content="${escapeHtml(config.CABINET_THEME_COLOR)}" />`);
}
