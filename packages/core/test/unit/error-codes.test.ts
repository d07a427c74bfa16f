import { describe, expect, it } from 'vitest';
import { DomainErrorCode, ERROR_CODES, ErrorCode, LIVE_CLOSE_CODES, UPLOAD_ERROR_CODES, httpStatusOf } from '@paht/core';

// One registry of error codes: the core's expected failures, request-level
// refusals, upload refusals and the masked unexpected failure.

describe('the error code registry', () => {
  it('holds every expected failure of the core', () => {
    for (const code of Object.values(DomainErrorCode)) expect(ERROR_CODES).toHaveProperty(code);
  });

  it('gives each code an error status, and masked failures INTERNAL_SERVER_ERROR (500)', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.meaning.length, code).toBeGreaterThan(10);
      expect(ErrorCode[code as ErrorCode]).toBe(code);
    }
    expect(httpStatusOf(ErrorCode.INTERNAL_SERVER_ERROR)).toBe(500);
    expect(Object.keys(ERROR_CODES).filter((c) => ERROR_CODES[c as ErrorCode].status === 500)).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  it('gives live connections distinct close codes: private ones for refusals, WebSocket\'s "Try Again Later" for an unavailable database', () => {
    const closes = Object.values(LIVE_CLOSE_CODES);
    expect(new Set(closes).size).toBe(closes.length);
    const { SERVICE_UNAVAILABLE, ...refusals } = LIVE_CLOSE_CODES;
    for (const close of Object.values(refusals)) expect(close >= 4000 && close <= 4999).toBe(true);
    expect(LIVE_CLOSE_CODES).toEqual({ FORBIDDEN: 4403, TENANT_NOT_FOUND: 4404, UNAUTHENTICATED: 4401, SERVICE_UNAVAILABLE: 1013 });
    // 1013 (RFC 6455 registry): graphql-ws clients reconnect after it, and end after a 45xx code.
    expect(SERVICE_UNAVAILABLE).toBe(1013);
  });

  it('lists the upload codes among the registered ones', () => {
    for (const code of UPLOAD_ERROR_CODES) expect(ERROR_CODES).toHaveProperty(code);
  });
});
