import { describe, expect, it } from 'vitest';
import { areaName, englishAreaName, WARDS } from '../../src/areas/area-names.js';

describe('area names', () => {
  it.each([
    ['Phường Đông Hà', 'Đông Hà Ward'],
    ['Xã Cửa Tùng', 'Cửa Tùng Commune'],
    ['Đặc khu Cồn Cỏ', 'Cồn Cỏ Special Zone'],
  ])('names %s in English as %s', (vi, en) => {
    expect(englishAreaName(vi)).toBe(en);
  });

  it('knows the kind of every commune-level area of the country, so none stays untranslated', () => {
    expect(WARDS.length).toBeGreaterThan(3000);
    expect(WARDS.filter((w) => englishAreaName(w.name) === w.name).map((w) => w.name)).toEqual([]);
  });

  it('finds an area by its national code, and nothing for an unknown code', () => {
    expect(areaName('19333')).toEqual({ code: '19333', name: 'Phường Đông Hà', nameEn: 'Đông Hà Ward' });
    expect(areaName('99999')).toBeNull();
    expect(areaName('')).toBeNull();
  });
});
