import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FieldIssueCode, fieldIssue, submitReportSchema, validationError, vietnamesePhone } from '@paht/core';
import { safeParseWithIssues } from '../../src/validation/zod-issues.js';

describe('field issues', () => {
  it('give every code a Vietnamese and an English text, different from each other', () => {
    for (const code of Object.values(FieldIssueCode)) {
      const issue = fieldIssue({ path: 'x', code, params: { minimum: 2, maximum: 9 } });
      expect(issue.messageVi, code).toMatch(/\S/);
      expect(issue.messageEn, code).toMatch(/\S/);
      expect(issue.messageVi, code).not.toBe(issue.messageEn);
      expect(issue.message).toBe(`${issue.messageVi} / ${issue.messageEn}`);
      expect(issue.message, code).not.toMatch(/undefined/);
    }
  });

  it('keep an English message written without a code, as INVALID with a generic Vietnamese text', () => {
    expect(fieldIssue({ path: 'unitId', message: 'is not a unit of this tenant' })).toEqual({
      path: 'unitId',
      code: 'INVALID',
      message: 'Giá trị không hợp lệ / is not a unit of this tenant',
      messageVi: 'Giá trị không hợp lệ',
      messageEn: 'is not a unit of this tenant',
    });
    expect(validationError([{ path: 'unitId', message: 'is not a unit of this tenant' }]).details.fields?.[0]?.code).toBe('INVALID');
  });

  it.each([
    ['missing text', z.object({ a: z.string() }), {}, 'REQUIRED'],
    ['empty text', z.object({ a: z.string().trim().min(1) }), { a: '  ' }, 'REQUIRED'],
    ['short text', z.object({ a: z.string().min(5) }), { a: 'ab' }, 'TOO_SHORT'],
    ['long text', z.object({ a: z.string().max(3) }), { a: 'abcd' }, 'TOO_LONG'],
    ['small number', z.object({ a: z.number().min(1) }), { a: 0 }, 'TOO_SMALL'],
    ['large number', z.object({ a: z.number().max(1) }), { a: 2 }, 'TOO_LARGE'],
    ['long list', z.object({ a: z.array(z.number()).max(1) }), { a: [1, 2] }, 'TOO_MANY'],
    ['wrong type', z.object({ a: z.number() }), { a: 'x' }, 'INVALID_TYPE'],
    ['unknown option', z.object({ a: z.enum(['A', 'B']) }), { a: 'C' }, 'INVALID_OPTION'],
    ['e-mail', z.object({ a: z.email() }), { a: 'x@' }, 'INVALID_EMAIL'],
    ['uuid', z.object({ a: z.uuid() }), { a: 'x' }, 'INVALID_ID'],
    ['refinement with a code', z.object({ a: z.string().refine(() => false, { params: { code: 'INVALID_PHONE' } }) }), { a: 'x' }, 'INVALID_PHONE'],
    ['refinement without one', z.object({ a: z.string().refine(() => false) }), { a: 'x' }, 'INVALID'],
  ])('map zod issues to codes: %s', (_name, schema, input, code) => {
    const parsed = safeParseWithIssues(schema, input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues).toMatchObject([{ path: 'a', code }]);
  });

  it('quote the rule limits, never the value sent', () => {
    const parsed = safeParseWithIssues(submitReportSchema, { title: 'Đèn', description: 'mười ký tự', address: 'x', reporter: { phone: '+12025550123' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.issues.find((i) => i.path === 'title')).toMatchObject({ code: 'TOO_SHORT', messageVi: 'Cần ít nhất 5 ký tự', messageEn: 'must be at least 5 characters' });
    expect(JSON.stringify(parsed.issues)).not.toMatch(/Đèn|12025550123/);
  });

  it('take Vietnamese phone numbers only, in E.164', () => {
    expect(['0912 345 678', '84912345678', '+84 91 234 5678', '0084912345678'].map(vietnamesePhone)).toEqual(Array(4).fill('+84912345678'));
    expect(['+1 202 555 0123', '+12025550123', '+44 20 7946 0958', '12025550123', '0912', ''].map(vietnamesePhone)).toEqual(Array(6).fill(null));
  });
});
