import { describe, expect, it } from 'vitest';
import { newTrackingCode, normalizeTrackingCode } from '@paht/core';
import { dammCheckDigit } from '../../src/reports/tracking-code.js';

describe('tracking codes', () => {
  const fixed = (digits: number[]) => {
    let i = 0;
    return () => digits[i++ % digits.length]!;
  };

  it('are the prefix and nine digits in groups of three, the last a check digit', () => {
    // Damm over 4,8,2,1,3,9,0,7: interim 5,8,3,7,5,1,7,0 → check digit 0.
    expect(newTrackingCode('QT', fixed([4, 8, 2, 1, 3, 9, 0, 7]))).toBe('QT-482-139-070');
  });

  it('read back what a person typed or said', () => {
    expect(normalizeTrackingCode('qt 482 139 070')).toBe('QT-482-139-070');
    expect(normalizeTrackingCode('QT.482.139.070')).toBe('QT-482-139-070');
    expect(normalizeTrackingCode('QT482139070')).toBe('QT-482-139-070');
  });

  it('catch a wrong digit and a swap of two neighbours', () => {
    expect(normalizeTrackingCode('QT-482-139-071')).toBeNull();
    expect(normalizeTrackingCode('QT-482-193-070')).toBeNull();
    expect(normalizeTrackingCode('QT-842-139-070')).toBeNull();
    expect(normalizeTrackingCode('not a code')).toBeNull();
  });

  it('use the Damm algorithm (its textbook example: 572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe(4);
  });

  it('refuse a malformed prefix', () => {
    expect(() => newTrackingCode('qt')).toThrow(RangeError);
  });
});
