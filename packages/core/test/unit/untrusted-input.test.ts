import { describe, expect, it } from 'vitest';
import { escapeLikePattern, inspectInput, isSupportedInstant, MAX_INPUT_DEPTH } from '@paht/core';

describe('inspectInput', () => {
  it.each([
    ['a NUL in a nested text', { input: { reporter: { fullName: 'Lê\u0000' } } }, { problem: 'NUL_CHARACTER', path: 'input.reporter.fullName' }],
    ['a NUL in a list item', { ids: ['a', 'b\u0000'] }, { problem: 'NUL_CHARACTER', path: 'ids.1' }],
    ['a NUL in a key', { 'x\u0000': 1 }, { problem: 'NUL_CHARACTER', path: '[key]' }],
    ['ordinary input', { input: { title: 'Đèn hỏng', n: 1, ok: true, none: null, list: [1, [2, [3]]] } }, null],
  ])('finds %s', (_name, value, finding) => {
    expect(inspectInput(value)).toEqual(finding);
  });

  it('refuses nesting past the limit without overflowing the stack, however deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(inspectInput(deep)).toMatchObject({ problem: 'TOO_DEEP' });
    let fits: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) fits = [fits];
    expect(inspectInput(fits)).toBeNull();
    expect(inspectInput([fits])).toMatchObject({ problem: 'TOO_DEEP' });
  });
});

describe('escapeLikePattern', () => {
  it.each([
    ['50%', '50\\%'],
    ['a_b', 'a\\_b'],
    ['c:\\tmp', 'c:\\\\tmp'],
    ['đèn', 'đèn'],
  ])('%s → %s', (word, pattern) => expect(escapeLikePattern(word)).toBe(pattern));
});

describe('isSupportedInstant', () => {
  it.each([
    ['1900-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59.999Z', true],
    ['1899-12-31T23:59:59.999Z', false],
    ['0000-01-01T00:00:00Z', false],
    ['-000001-01-01T00:00:00Z', false],
    ['+275760-09-13T00:00:00Z', false],
    ['+010000-01-01T00:00:00Z', false],
    ['not a date', false],
  ])('%s → %s', (text, supported) => expect(isSupportedInstant(new Date(text))).toBe(supported));
});
