import { describe, expect, it } from 'vitest';
import { renamedCode } from '@paht/core';

describe('renaming a code or e-mail that clashes in a tenant merge', () => {
  it.each([
    { value: 'IOC', column: 'code' as const, taken: [], to: 'IOC-quang-tri' },
    { value: 'IOC', column: 'code' as const, taken: ['ioc-quang-tri'], to: 'IOC-quang-tri-2' },
    { value: 'IOC', column: 'code' as const, taken: ['ioc-quang-tri', 'ioc-quang-tri-2'], to: 'IOC-quang-tri-3' },
    { value: 'an.nguyen@example.gov.vn', column: 'email' as const, taken: [], to: 'an.nguyen+quang-tri@example.gov.vn' },
    { value: 'an.nguyen@example.gov.vn', column: 'email' as const, taken: ['an.nguyen+quang-tri@example.gov.vn'], to: 'an.nguyen+quang-tri-2@example.gov.vn' },
  ])('$value → $to', ({ value, column, taken, to }) => {
    expect(renamedCode(value, column, 'quang-tri', new Set(taken))).toBe(to);
  });
});
