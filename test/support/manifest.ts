/** The branding a cabinet's configuration gives its manifest. */
export interface CabinetBranding {
  CABINET_NAME: string;
  CABINET_SHORT_NAME: string;
  CABINET_THEME_COLOR: string;
}

/**
 * The manifest a cabinet so configured serves to a browser in `lang`: installed standalone over its
 * whole origin, the splash screen in the bar's colour.
 */
export function configuredManifest(branding: CabinetBranding, lang: string) {
  return {
    name: branding.CABINET_NAME,
    short_name: branding.CABINET_SHORT_NAME,
    theme_color: branding.CABINET_THEME_COLOR,
    background_color: branding.CABINET_THEME_COLOR,
    display: 'standalone',
    start_url: '/',
    scope: '/',
    lang,
  };
}
