import type { Config } from '../config.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/**
 * The built index.html with this ISP's name and colour filled in. The template is our own
 * (client/index.html), so its tags are known exactly. It must not vary by request (say, by
 * Accept-Language): the service worker precaches one copy and a Vary header would stop it matching.
 */
export function renderIndexHtml(template: string, config: Config): string {
  return template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(config.CABINET_NAME)}</title>`)
    .replace(/<meta name="theme-color" content="[^"]*" \/>/, `<meta name="theme-color" content="${escapeHtml(config.CABINET_THEME_COLOR)}" />`);
}
