import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LIVE_CLOSE_CODES, ServerErrorCode, UPLOAD_ERROR_CODES, type UploadErrorCode } from '@paht/client-sdk';
import { ERROR_CODES_FILE, renderErrorCodes } from '../../scripts/error-codes.js';

// The SDK does not depend on @paht/core: its error codes are a copy of
// core's registry, made by `pnpm sdk:generate`, and must not drift.

describe('src/generated/error-codes.ts', () => {
  it('is what core’s error registry produces now (run `pnpm sdk:generate` when this fails)', async () => {
    const checkedIn = await readFile(ERROR_CODES_FILE, 'utf8');
    expect(checkedIn === renderErrorCodes(), 'src/generated/error-codes.ts is stale: run `pnpm sdk:generate`').toBe(true);
  });

  it('names the codes a client switches on, and what a live connection closed with', () => {
    expect(ServerErrorCode.INTERNAL_SERVER_ERROR).toBe('INTERNAL_SERVER_ERROR');
    expect(LIVE_CLOSE_CODES[4404]).toBe(ServerErrorCode.TENANT_NOT_FOUND);
    expect(LIVE_CLOSE_CODES[4401]).toBe(ServerErrorCode.UNAUTHENTICATED);
    const refused: UploadErrorCode = 'TOO_LARGE';
    expect(UPLOAD_ERROR_CODES).toContain(refused);
  });
});
