import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ReportStatus, StaffRole, type ReportStatus as ReportStatusType } from '@paht/client-sdk';
import * as publicPart from '@paht/client-sdk/public';
import * as staffPart from '@paht/client-sdk/staff';
import { audiences, DOCUMENT_FILES, renderOperations, split, TYPES_FILE } from '../../scripts/codegen-config.js';

const documentNames = (part: object) => Object.keys(part).filter((k) => /^[A-Z]\w*Document$/.test(k));
/** The operation a document holds: its first `query|mutation|subscription Name`. */
const operationOf = (document: unknown) => /\b(?:query|mutation|subscription) (\w+)/.exec(String(document))?.[1];

describe('src/generated/{types,public,staff}.ts', () => {
  it('are what codegen produces now from schema.graphql and src/operations (run `pnpm sdk:generate` when this fails)', async () => {
    const expected = await renderOperations();
    expect(expected.map((f) => f.file)).toEqual([TYPES_FILE, DOCUMENT_FILES.public, DOCUMENT_FILES.staff]);
    for (const { file, content } of expected) {
      // A plain comparison, not toEqual: a diff of 50 kB is noise; the command fixes it.
      const same = (await readFile(file, 'utf8')) === content;
      expect(same, `${file} is stale: run \`pnpm sdk:generate\``).toBe(true);
    }
  });

  it('hold documents as strings marked pure, without graphql-js at run time, in the file of their audience', async () => {
    const types = await readFile(TYPES_FILE, 'utf8');
    expect(types).toMatch(/^import type \{ DocumentTypeDecoration \} from '@graphql-typed-document-node\/core';$/m);
    expect(types).not.toMatch(/new TypedDocumentString\(/);
    for (const file of Object.values(DOCUMENT_FILES)) {
      const source = await readFile(file, 'utf8');
      expect(source).not.toMatch(/from ['"]graphql['"]/);
      const documents = source.match(/^export const \w+(Document|FragmentDoc) = /gm) ?? [];
      const pure = source.match(/^export const \w+ = \/\* @__PURE__ \*\/ new TypedDocumentString\(/gm) ?? [];
      expect(documents.length).toBeGreaterThan(10);
      expect(pure).toHaveLength(documents.length);
    }
  });

  it('put each operation where its file lies: public/ in the public part, staff/ in the staff part, none in both', () => {
    const audience = audiences();
    const publicOps = documentNames(publicPart);
    const staffOps = documentNames(staffPart).filter((k) => k !== 'SIGN_IN');
    expect(publicOps.length).toBeGreaterThan(10);
    expect(staffOps.length).toBeGreaterThan(50);
    for (const name of publicOps) expect([name, audience.get(name)]).toEqual([name, 'public']);
    for (const name of staffOps) expect([name, audience.get(name)]).toEqual([name, 'staff']);
    expect(publicOps.filter((n) => staffOps.includes(n))).toEqual([]);
    // Each document holds the operation it is named after.
    for (const [name, document] of Object.entries({ ...publicPart, ...staffPart })) {
      if (/^[A-Z]\w*Document$/.test(name)) expect(`${operationOf(document)}Document`).toBe(name);
    }
    expect(operationOf(publicPart.SubmitReportDocument)).toBe('SubmitReport');
    expect(operationOf(staffPart.ClassifyReportDocument)).toBe('ClassifyReport');
    expect('ClassifyReportDocument' in publicPart).toBe(false);
  });

  it('refuses a generated document whose operation is in no folder', () => {
    const output = "export type X = 1;\nexport class TypedDocumentString<TResult, TVariables>\n  extends String\n{\n}\nexport const LostDocument = new TypedDocumentString(`query Lost { a }`) as unknown as TypedDocumentString<LostQuery, LostQueryVariables>;\n";
    expect(() => split(output, new Map())).toThrow(/no audience for export const LostDocument/);
    const [, pub] = split(output, new Map([['LostDocument', 'public']]));
    expect(pub!.content).toContain("import type { LostQuery, LostQueryVariables } from './types.js';");
    expect(pub!.content).toContain('export const LostDocument = /* @__PURE__ */ new TypedDocumentString(');
  });

  it('holds each enum as an `as const` object of the schema\'s values beside its union type', () => {
    const waiting: ReportStatusType = ReportStatus.WAITING_FOR_CITIZEN;
    expect(waiting).toBe('WAITING_FOR_CITIZEN');
    expect(Object.keys(ReportStatus)).toEqual(Object.values(ReportStatus));
    expect(Object.values(ReportStatus)).toContain('SUBMITTED');
    expect(StaffRole.IOC_OPERATOR).toBe('IOC_OPERATOR');
  });
});
