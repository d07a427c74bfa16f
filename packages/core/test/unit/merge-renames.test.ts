import { describe, expect, it } from 'vitest';
import { parseFormula, renamedCode, renameFormulaCodes } from '@paht/core';

describe('renaming a code or e-mail that clashes in a tenant merge', () => {
  it.each([
    { value: 'IOC', format: 'code' as const, taken: [], to: 'IOC-quang-tri' },
    { value: 'IOC', format: 'code' as const, taken: ['ioc-quang-tri'], to: 'IOC-quang-tri-2' },
    { value: 'IOC', format: 'code' as const, taken: ['ioc-quang-tri', 'ioc-quang-tri-2'], to: 'IOC-quang-tri-3' },
    { value: 'an.nguyen@example.gov.vn', format: 'email' as const, taken: [], to: 'an.nguyen+quang-tri@example.gov.vn' },
    { value: 'an.nguyen@example.gov.vn', format: 'email' as const, taken: ['an.nguyen+quang-tri@example.gov.vn'], to: 'an.nguyen+quang-tri-2@example.gov.vn' },
    { value: 'THU_NSNN', format: 'symbol' as const, taken: [], to: 'THU_NSNN_QUANG_TRI' },
    { value: 'THU_NSNN', format: 'symbol' as const, taken: ['thu_nsnn_quang_tri'], to: 'THU_NSNN_QUANG_TRI_2' },
  ])('$value → $to', ({ value, format, taken, to }) => {
    expect(renamedCode(value, format, 'quang-tri', new Set(taken))).toBe(to);
  });

  it('keeps an indicator or form code within its pattern, however long', () => {
    const long = `A${'B'.repeat(49)}`;
    const renamed = renamedCode(long, 'symbol', 'quang-tri', new Set());
    expect(renamed).toMatch(/^[A-Z][A-Z0-9_]{0,49}$/);
    expect(renamed.endsWith('_QUANG_TRI')).toBe(true);
  });
});

describe("a moved formula follows its indicators' new codes", () => {
  const renames = new Map([
    ['HS_DUNG_HAN', 'HS_DUNG_HAN_QUANG_TRI'],
    ['HS', 'HS_QUANG_TRI'],
    ['E5', 'E5_QUANG_TRI'],
  ]);

  it('replaces whole codes only, never a function, a longer code or an exponent', () => {
    const text = 'sum(HS_DUNG_HAN, HS) * 100 / HS_DUNG_HAN_KHAC + yoy(HS) + 1E5 + E5';
    const out = renameFormulaCodes(text, renames);
    expect(out).toBe('sum(HS_DUNG_HAN_QUANG_TRI, HS_QUANG_TRI) * 100 / HS_DUNG_HAN_KHAC + yoy(HS_QUANG_TRI) + 1E5 + E5_QUANG_TRI');
    expect(() => parseFormula(out)).not.toThrow();
  });

  it('leaves a formula that names no renamed code unchanged', () => {
    expect(renameFormulaCodes('THU_NSNN / SO_HO', renames)).toBe('THU_NSNN / SO_HO');
  });
});
