import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { projectPath } from '../../../server/paths.js';
import { readLogo, type BrandLogo } from '../../../server/pwa/logo.js';
import { buildManifest } from '../../../server/pwa/manifest.js';

const LOGO_512 = projectPath('test', 'fixtures', 'logo-512.png');
const LOGO_48 = projectPath('test', 'fixtures', 'logo-48.png');
const SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Мережа Плюс -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#e65100"/></svg>\n';

const GENERIC_ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

describe('the ISP’s logo', () => {
  const folder = mkdtempSync(join(tmpdir(), 'abonent-logo-'));
  const file = (name: string, content: string) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a PNG with its size, named by its content’s hash', () => {
    const logo = readLogo(LOGO_512);
    expect(logo).toMatchObject({ type: 'image/png', pixels: { width: 512, height: 512 } });
    expect(logo.url).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.png$/);
    expect(logo.body.equals(readFileSync(LOGO_512))).toBe(true);
    expect(readLogo(LOGO_48).url).not.toBe(logo.url);
  });

  it('reads an SVG, after an XML declaration and comments too', () => {
    const logo = readLogo(file('logo.svg', SVG));
    expect(logo).toMatchObject({ type: 'image/svg+xml', pixels: null });
    expect(logo.url).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.svg$/);
  });

  it('stops the start, naming CABINET_LOGO, when the file is missing, unreadable or not a PNG or SVG', () => {
    const refused = (path: string, message: RegExp) => {
      expect(() => readLogo(path)).toThrow(ConfigError);
      expect(() => readLogo(path)).toThrow(message);
    };
    refused(join(folder, 'missing.png'), /CABINET_LOGO: cannot read .*missing\.png \(ENOENT\)/);
    refused(folder, /CABINET_LOGO: cannot read .* \(EISDIR\)/);
    refused(file('logo.jpg', 'JFIF, not a PNG'), /CABINET_LOGO: .*logo\.jpg is neither a PNG nor an SVG file/);
    refused(file('empty.png', ''), /CABINET_LOGO: .*empty\.png is neither/);
    refused(file('page.svg', '<html><svg></svg></html>'), /CABINET_LOGO: .*page\.svg is neither/);
  });

  describe('in the manifest', () => {
    const config = loadConfig({});
    const iconsWith = (logo: BrandLogo | null) => buildManifest(config, 'uk', logo).icons;

    it('is the app’s icon when it is a PNG of 512 px or more, beside the bundled maskable icon', () => {
      const logo = readLogo(LOGO_512);
      expect(iconsWith(logo)).toEqual([
        { src: logo.url, sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ]);
    });

    it('leaves the bundled icons when there is no logo, or it is smaller, or an SVG', () => {
      expect(iconsWith(null)).toEqual(GENERIC_ICONS);
      expect(iconsWith(readLogo(LOGO_48))).toEqual(GENERIC_ICONS);
      expect(iconsWith(readLogo(file('icon.svg', SVG)))).toEqual(GENERIC_ICONS);
    });

    it('leaves the bundled icons for a PNG that is not square', () => {
      const wide = readLogo(LOGO_512);
      expect(iconsWith({ ...wide, pixels: { width: 1024, height: 512 } })).toEqual(GENERIC_ICONS);
    });
  });
});
