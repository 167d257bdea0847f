import type { Config } from '../config.js';
import type { BrandLogo } from './logo.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/**
 * The built index.html with this ISP's name, colour and logo filled in. The template is our own
 * (client/index.html), so its tags are known exactly. It must not vary by request (say, by
 * Accept-Language): the service worker precaches one copy and a Vary header would stop it matching.
 * The logo becomes the tab's icon, and <meta name="cabinet-logo"> tells the app to show it in its header.
 */
export function renderIndexHtml(template: string, config: Config, logo: BrandLogo | null): string {
  const html = template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(config.CABINET_NAME)}</title>`)
    .replace(/<meta name="theme-color" content="[^"]*" \/>/, `<meta name="theme-color" content="${escapeHtml(config.CABINET_THEME_COLOR)}" />`);
  if (!logo) return html;
  return html
    .replace(/<link rel="icon" [^>]*\/>/, `<link rel="icon" href="${logo.url}" type="${logo.type}" />`)
    .replace('</head>', `  <meta name="cabinet-logo" content="${logo.url}" />\n  </head>`);
}
