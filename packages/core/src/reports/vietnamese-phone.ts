import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { FieldIssueCode } from '../validation/field-issue-codes.js';

/**
 * A Vietnamese phone number in E.164 (`+84…`), or null when `input` is not
 * one. Accepts the common spellings (`0912 345 678`, `84912345678`,
 * `+84 91 234 5678`, `0084…`); refuses valid numbers of other countries
 * (`+1 202 555 0123`), which libphonenumber's default region alone lets
 * through.
 */
export function vietnamesePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'VN');
  return parsed && parsed.country === 'VN' && parsed.isValid() ? parsed.number : null;
}

/**
 * A phone field of a citizen's input: a Vietnamese number, given in any
 * common spelling, parsed once (libphonenumber is a visible share of a
 * submission's CPU) into E.164; otherwise the issue INVALID_PHONE on the
 * field. Checks, not a transform, so that like any refinement the issue does
 * not stop the object's own checks (a missing location is still named).
 */
export const vietnamesePhoneField = () =>
  z
    .string()
    .trim()
    // E.164 is never empty: '' stands for "not a Vietnamese number" until the refinement below.
    .overwrite((v) => vietnamesePhone(v) ?? '')
    .refine((v) => v !== '', { params: { code: FieldIssueCode.INVALID_PHONE } });
