import type { Config } from '../config.js';
import type { BrandLogo } from './logo.js';

/** The languages the PWA speaks, English first: it labels the manifest and the page when the browser names none of them. */
export const PWA_LANGUAGES = ['en', 'uk', 'ru'] as const;
export type PwaLanguage = (typeof PWA_LANGUAGES)[number];

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: 'any' | 'maskable';
}

export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: PwaLanguage;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
}

/** The configured short name, else the name cut to fit a home screen; also the GraphQL `cabinet.shortName`. */
export const shortNameOf = (config: Config): string => config.CABINET_SHORT_NAME ?? config.CABINET_NAME.slice(0, 12);

const DESCRIPTIONS: Record<PwaLanguage, string> = {
  uk: 'Ваш рахунок в інтернет-провайдера: баланс, тариф, послуги, обіцяний платіж.',
  ru: 'Ваш счёт у интернет-провайдера: баланс, тариф, услуги, обещанный платёж.',
  en: 'Your Internet account: balance, tariff, services and promised payment.',
};

/** The smallest logo the app's icon may be: launchers and splash screens ask for up to 512 px. */
const MIN_ICON_PIXELS = 512;

const GENERIC_ICONS: ManifestIcon[] = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
];

/**
 * The bundled maskable icon stays even beside the ISP's logo: a launcher crops a maskable icon to
 * its own shape, and nothing says where the logo's edges are safe to lose.
 */
const MASKABLE_ICON: ManifestIcon = { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' };

/** The ISP's logo when it is a square PNG big enough for every icon size; an SVG or a smaller one appears in the page only. */
function iconsFor(logo: BrandLogo | null): ManifestIcon[] {
  const pixels = logo?.pixels;
  if (!logo || !pixels || pixels.width !== pixels.height || pixels.width < MIN_ICON_PIXELS) return [...GENERIC_ICONS, MASKABLE_ICON];
  return [{ src: logo.url, sizes: `${pixels.width}x${pixels.height}`, type: logo.type, purpose: 'any' }, MASKABLE_ICON];
}

/** The web app manifest, generated from the ISP's configuration so each ISP's name, colour and logo are on the installed app. */
export function buildManifest(config: Config, lang: PwaLanguage, logo: BrandLogo | null): WebAppManifest {
  return {
    id: '/',
    name: config.CABINET_NAME,
    short_name: shortNameOf(config),
    description: DESCRIPTIONS[lang],
    lang,
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: config.CABINET_THEME_COLOR,
    background_color: config.CABINET_THEME_COLOR,
    icons: iconsFor(logo),
  };
}
