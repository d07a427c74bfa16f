import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ReportStatus, StaffRole, type ReportStatus as ReportStatusType } from '@paht/client-sdk';
import { GENERATED_FILE, renderOperations } from '../../scripts/codegen-config.js';

describe('src/generated/operations.ts', () => {
  it('is what codegen produces now from schema.graphql and src/operations (run `pnpm sdk:generate` when this fails)', async () => {
    const [expected, checkedIn] = await Promise.all([renderOperations(), readFile(GENERATED_FILE, 'utf8')]);
    expect(expected.file).toBe(GENERATED_FILE);
    // A plain comparison, not toEqual: a diff of 50 kB is noise; the command fixes it.
    const same = checkedIn === expected.content;
    expect(same, 'src/generated/operations.ts is stale: run `pnpm sdk:generate`').toBe(true);
  });

  it('holds documents as strings marked pure, without graphql-js at run time', async () => {
    const source = await readFile(GENERATED_FILE, 'utf8');
    expect(source).not.toMatch(/from ['"]graphql['"]/);
    expect(source).toMatch(/^import type \{ DocumentTypeDecoration \} from '@graphql-typed-document-node\/core';$/m);
    const documents = source.match(/^export const \w+(Document|FragmentDoc) = /gm) ?? [];
    const pure = source.match(/^export const \w+ = \/\* @__PURE__ \*\/ new TypedDocumentString\(/gm) ?? [];
    expect(documents.length).toBeGreaterThan(20);
    expect(pure).toHaveLength(documents.length);
  });

  it('holds each enum as an `as const` object of the schema\'s values beside its union type', () => {
    const waiting: ReportStatusType = ReportStatus.WAITING_FOR_CITIZEN;
    expect(waiting).toBe('WAITING_FOR_CITIZEN');
    expect(Object.keys(ReportStatus)).toEqual(Object.values(ReportStatus));
    expect(Object.values(ReportStatus)).toContain('SUBMITTED');
    expect(StaffRole.IOC_OPERATOR).toBe('IOC_OPERATOR');
  });
});
