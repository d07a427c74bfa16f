/**
 * The colours a widget derives from a tenant's branding, readable by
 * WCAG AA (4.5:1 for text): white text on the brand colour when it passes,
 * else the darkest text; and for text written in the brand colour on the
 * white surface, the brand colour itself when it passes, else the same hue
 * darkened until it does. Pure functions of `#rrggbb` strings.
 */

/** WCAG AA contrast for normal text. */
export const AA_TEXT_CONTRAST = 4.5;

const WHITE = '#ffffff';
const DARK_TEXT = '#1b1f24';
const BLACK = '#000000';

function channels(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** WCAG 2 relative luminance of a `#rrggbb` colour (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The colour mixed with black by `share` (0 … 1). */
function darken(hex: string, share: number): string {
  return toHex(channels(hex).map((c) => c * (1 - share)));
}

export interface BrandColours {
  /** The brand colour: button backgrounds, borders, the status badge. */
  primary: string;
  /** Text on `primary`: white if readable, else dark. */
  onPrimary: string;
  /** Text in the brand colour on white (links, secondary buttons): `primary`, darkened if needed. */
  primaryText: string;
  /** The accent colour (decorative: the brand bar's rule). */
  accent: string;
}

/** The widget colours for a tenant's `primaryColor` and `accentColor` (`#rrggbb`). */
export function brandColours(branding: { primaryColor: string; accentColor: string }): BrandColours {
  const primary = branding.primaryColor.toLowerCase();
  const readableOnWhite = contrastRatio(primary, WHITE) >= AA_TEXT_CONTRAST;
  let onPrimary = WHITE;
  if (!readableOnWhite) onPrimary = contrastRatio(primary, DARK_TEXT) >= AA_TEXT_CONTRAST ? DARK_TEXT : BLACK;
  let primaryText = primary;
  for (let share = 0.05; contrastRatio(primaryText, WHITE) < AA_TEXT_CONTRAST && share <= 1; share += 0.05) primaryText = darken(primary, share);
  return { primary, onPrimary, primaryText, accent: branding.accentColor.toLowerCase() };
}
