import { parsePhoneNumberFromString } from 'libphonenumber-js';

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
