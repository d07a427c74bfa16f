import { describe, expect, it } from 'vitest';
import { AA_TEXT_CONTRAST, brandColours, contrastRatio, relativeLuminance } from '../../src/shared/brand-colours.js';

describe('brandColours', () => {
  it('computes WCAG contrast as the spec does', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(() => relativeLuminance('red')).toThrow(RangeError);
  });

  it('keeps white text and the colour itself when the brand colour is dark enough', () => {
    expect(brandColours({ primaryColor: '#0B5394', accentColor: '#E69138' })).toEqual({ primary: '#0b5394', onPrimary: '#ffffff', primaryText: '#0b5394', accent: '#e69138' });
  });

  it('puts dark text on a light brand colour and darkens the colour for text on white, both readable (AA)', () => {
    for (const primaryColor of ['#f6c945', '#ffffff', '#00ff00', '#ff7f50', '#777777', '#e69138']) {
      const c = brandColours({ primaryColor, accentColor: '#000000' });
      expect(c.onPrimary).not.toBe('#ffffff');
      expect(contrastRatio(c.onPrimary, c.primary)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
      expect(contrastRatio(c.primaryText, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
      expect(c.primaryText).not.toBe(primaryColor);
    }
  });
});
