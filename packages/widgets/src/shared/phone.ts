/**
 * A light check of a Vietnamese phone number before sending: mobiles
 * (03x, 05x, 07x, 08x, 09x) and landlines (02xx), written with 0, 84 or
 * +84, spaces, dots and dashes allowed. The server checks again, fully
 * (libphonenumber); this keeps the widget small and catches typos early.
 */
export function isVietnamesePhone(input: string): boolean {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const national = compact.replace(/^(?:\+84|0084|84(?=[235789]\d{8,9}$))/, '0');
  return /^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national);
}
