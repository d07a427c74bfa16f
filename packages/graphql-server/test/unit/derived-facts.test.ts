import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainErrorCode, ERROR_CODES, LIVE_CLOSE_CODES, REPORT_STATUSES, STAFF_ROLES, type ErrorCode } from '@paht/core';
import { schema } from '@paht/graphql-server';
import { RequestErrorCode } from '../../src/context.js';
import { INTERNAL_SERVER_ERROR } from '../../src/errors/format-error.js';
import { LiveCloseCode } from '../../src/live/connection-context.js';
import { OPEN311_STATUS, open311Status, statusesOf } from '../../src/open311/request-view.js';
import { SecurityErrorCode } from '../../src/security/refuse.js';
import { UPLOAD_ERROR_STATUS } from '../../src/uploads/upload-errors.js';

// Facts declared once in core and derived by the API: every derived place
// covers every status and role core declares, and nothing else.

const enumValues = (name: string): string[] => {
  // By shape: the schema may come from another copy of graphql-js than this file's.
  const type = schema.getType(name) as { getValues?: () => Array<{ name: string }> } | undefined;
  if (!type?.getValues) throw new Error(`${name} is not an enum`);
  return type.getValues().map((v) => v.name);
};

describe('facts the API derives from core', () => {
  it('the GraphQL enums are core’s statuses and staff roles', () => {
    expect(enumValues('ReportStatus').sort()).toEqual([...REPORT_STATUSES].sort());
    expect(enumValues('StaffRole').sort()).toEqual([...STAFF_ROLES].sort());
  });

  it('Open311 places every status under exactly one of open and closed', () => {
    expect(Object.keys(OPEN311_STATUS).sort()).toEqual([...REPORT_STATUSES].sort());
    for (const status of REPORT_STATUSES) expect(['open', 'closed']).toContain(open311Status(status));
    expect([...statusesOf('open'), ...statusesOf('closed')].sort()).toEqual([...REPORT_STATUSES].sort());
    expect(statusesOf('closed')).toEqual(['REJECTED', 'RESOLVED', 'PUBLISHED', 'CLOSED']);
  });
});

describe('the tenant lookup', () => {
  it('is written once: no entry point but security/request-tenant.ts looks a tenant up by slug', async () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const lookingUp: string[] = [];
    for (const file of files) if ((await readFile(join(src, file), 'utf8')).includes('findTenantBySlug(')) lookingUp.push(file.split('\\').join('/'));
    expect(lookingUp).toEqual(['security/request-tenant.ts']);
  });
});

describe('error codes', () => {
  it('are core’s registry wherever the server names them, with the registry’s status and close code', () => {
    expect(enumValues('ErrorCode').sort()).toEqual(Object.values(DomainErrorCode).sort());
    for (const code of [...Object.values(SecurityErrorCode), ...Object.values(RequestErrorCode), INTERNAL_SERVER_ERROR]) expect(ERROR_CODES).toHaveProperty(code);
    for (const [code, status] of Object.entries(UPLOAD_ERROR_STATUS)) expect(ERROR_CODES[code as ErrorCode].status, code).toBe(status);
    expect(Object.values(LiveCloseCode).sort()).toEqual(Object.values(LIVE_CLOSE_CODES).sort());
    expect(LiveCloseCode.TENANT_NOT_FOUND).toBe(4404);
  });
});
