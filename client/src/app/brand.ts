/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Text colour for the ISP's brand colour: white or black, whichever contrasts more. One of
 * them always reaches 4.5:1, so any colour an operator configures keeps text readable.
 */
export function textColorOn(background: string): string {
  const white = '#ffffff';
  const ink = '#000000';
  return contrastRatio(background, white) >= contrastRatio(background, ink) ? white : ink;
}
