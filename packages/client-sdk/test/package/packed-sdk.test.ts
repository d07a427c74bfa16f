// The SDK as a customer gets it: built, packed with `pnpm pack`, installed
// with `npm install ./paht-client-sdk-x.y.z.tgz` into an empty project, then
// loaded with `require` and `import` and typechecked by `tsc` with the old
// (node10) and the current (nodenext) module resolution.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** pnpm as `pnpm test` runs it (npm_execpath), else the version the repository pins. */
function pnpm(args: string[]): string {
  const execPath = process.env.npm_execpath;
  if (execPath && basename(execPath).startsWith('pnpm')) return execFileSync(process.execPath, [execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
  const { packageManager } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string };
  return execFileSync('npx', ['-y', packageManager, ...args], { cwd: ROOT, encoding: 'utf8' });
}

let dir: string;
let tarball: string;
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** tsc's report (exit status and output) for a project file of the consumer. */
function typecheck(project: string): { status: number; output: string } {
  try {
    return { status: 0, output: run(process.execPath, [TSC, '-p', project]) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paht-sdk-consumer-'));
  pnpm(['--filter', '@paht/client-sdk', 'run', 'build']);
  pnpm(['--filter', '@paht/client-sdk', 'pack', '--pack-destination', dir]);
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.tgz'));
  tarball = join(dir, file!);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'sdk-consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);

  const uses = (sdk: string) => `
    const client = ${sdk}.createClient({ endpoint: 'https://paht.example.gov.vn/graphql', tenant: 'quang-tri' });
    console.log(JSON.stringify({
      createClient: typeof ${sdk}.createClient,
      request: typeof client.request,
      status: ${sdk}.ReportStatus.WAITING_FOR_CITIZEN,
      document: String(${sdk}.TrackReportDocument).includes('query TrackReport'),
      errors: new ${sdk}.NetworkError('offline', { code: 'NETWORK_ERROR' }) instanceof ${sdk}.PahtError,
    }));`;
  await writeFile(join(dir, 'uses-require.cjs'), `const sdk = require('@paht/client-sdk');${uses('sdk')}`);
  await writeFile(join(dir, 'uses-import.mjs'), `import * as sdk from '@paht/client-sdk';${uses('sdk')}`);
  // The subpaths: the public part without staff documents, the staff part, one copy of each class.
  const parts = (pub: string, staff: string, sdk: string) => `
    console.log(JSON.stringify({
      publicClient: Object.keys(${pub}.createPublicClient({ endpoint: 'https://paht.example.gov.vn/graphql', tenant: 'quang-tri' })).includes('signIn'),
      staffClient: typeof ${staff}.createClient({ endpoint: 'https://paht.example.gov.vn/graphql', tenant: 'quang-tri' }).signIn,
      publicHasStaff: 'ClassifyReportDocument' in ${pub} || 'createClient' in ${pub},
      staffDocument: String(${staff}.ClassifyReportDocument).includes('mutation ClassifyReport'),
      publicDocument: String(${pub}.SubmitReportDocument).includes('mutation SubmitReport'),
      sameClasses: ${pub}.PahtError === ${sdk}.PahtError,
    }));`;
  await writeFile(join(dir, 'parts-require.cjs'), `const pub = require('@paht/client-sdk/public'); const staff = require('@paht/client-sdk/staff'); const sdk = require('@paht/client-sdk');${parts('pub', 'staff', 'sdk')}`);
  await writeFile(join(dir, 'parts-import.mjs'), `import * as pub from '@paht/client-sdk/public'; import * as staff from '@paht/client-sdk/staff'; import * as sdk from '@paht/client-sdk';${parts('pub', 'staff', 'sdk')}`);

  // What a TypeScript customer writes; the expected error proves the types are the SDK's, not `any`.
  const consumer = `
    import { createClient, ReportStatus, TrackReportDocument, type Report, type TrackReportResult } from '@paht/client-sdk';
    const client = createClient({ endpoint: 'https://paht.example.gov.vn/graphql', tenant: 'quang-tri' });
    export async function statusOf(code: string): Promise<Report['status'] | null> {
      const result: TrackReportResult = await client.trackReport(code);
      return result.__typename === 'TrackedReport' ? result.report.status : null;
    }
    export const waiting: Report['status'] = ReportStatus.WAITING_FOR_CITIZEN;
    export const tracked = client.request(TrackReportDocument, { trackingCode: 'QT-123-456-789' });
    // @ts-expect-error: not a status
    export const wrong: Report['status'] = 'LOST';
  `;
  await writeFile(join(dir, 'consumer.ts'), consumer);
  await writeFile(join(dir, 'consumer-esm.mts'), consumer);
  // The subpaths need a resolver that reads the exports map (nodenext, bundler); node10 has the root entry.
  const consumerOfParts = `
    import { createPublicClient, SubmitReportDocument, type PublicClient } from '@paht/client-sdk/public';
    import { classifyReport, createClient, type PahtClient } from '@paht/client-sdk/staff';
    const citizen: PublicClient = createPublicClient({ endpoint: 'https://paht.example.gov.vn/graphql', tenant: 'quang-tri' });
    const staff: PahtClient = createClient({ endpoint: 'https://paht.example.gov.vn/graphql', tenant: 'quang-tri' });
    export const both: PublicClient[] = [citizen, staff];
    export const filed = citizen.request(SubmitReportDocument, { input: { categoryId: 'c', title: 't', description: 'd' } as never });
    export const classified = classifyReport(staff, { id: 'r', categoryId: 'c' } as never);
    // @ts-expect-error: the public client has no staff sign-in
    export const signIn = citizen.signIn;
  `;
  await writeFile(join(dir, 'consumer-parts.mts'), consumerOfParts);
  const options = { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [] };
  await writeFile(join(dir, 'tsconfig.node10.json'), JSON.stringify({ compilerOptions: { ...options, module: 'commonjs', moduleResolution: 'node10' }, files: ['consumer.ts'] }));
  await writeFile(join(dir, 'tsconfig.nodenext.json'), JSON.stringify({ compilerOptions: { ...options, module: 'nodenext', moduleResolution: 'nodenext' }, files: ['consumer.ts', 'consumer-esm.mts', 'consumer-parts.mts'] }));
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed SDK', () => {
  it('holds the built files and the manifest only: three entries and the chunks they share', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    const entries = ['index', 'public', 'staff'].flatMap((e) => [`${e}.cjs`, `${e}.cjs.map`, `${e}.d.cts`, `${e}.d.ts`, `${e}.js`, `${e}.js.map`]);
    expect(files.filter((f) => !/^package\/dist\/(chunk-\w+\.c?js(\.map)?|[\w-]+-[\w-]{8}\.d\.c?ts)$/.test(f))).toEqual(['package.json', ...entries.map((f) => `dist/${f}`)].map((f) => `package/${f}`).sort());
  });

  it('loads its public and staff parts with require and import, sharing one copy of each class', () => {
    const expected = { publicClient: false, staffClient: 'function', publicHasStaff: false, staffDocument: true, publicDocument: true, sameClasses: true };
    expect(JSON.parse(run(process.execPath, ['parts-require.cjs']))).toEqual(expected);
    expect(JSON.parse(run(process.execPath, ['parts-import.mjs']))).toEqual(expected);
  });

  it('loads with require (CommonJS) and with import (ESM)', () => {
    const expected = { createClient: 'function', request: 'function', status: 'WAITING_FOR_CITIZEN', document: true, errors: true };
    expect(JSON.parse(run(process.execPath, ['uses-require.cjs']))).toEqual(expected);
    expect(JSON.parse(run(process.execPath, ['uses-import.mjs']))).toEqual(expected);
  });

  it('typechecks a consumer with moduleResolution node10 (the types of `main`)', () => {
    expect(typecheck('tsconfig.node10.json')).toEqual({ status: 0, output: '' });
  });

  it('typechecks CommonJS and ESM consumers with moduleResolution nodenext (each condition its types)', () => {
    expect(typecheck('tsconfig.nodenext.json')).toEqual({ status: 0, output: '' });
  });

  it('declares types first in each condition of its exports map, and a default', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'node_modules/@paht/client-sdk/package.json'), 'utf8')) as {
      main: string;
      types: string;
      exports: Record<string, Record<string, Record<string, string> | string>>;
    };
    expect(manifest).toMatchObject({ main: './dist/index.cjs', types: './dist/index.d.cts' });
    expect(Object.keys(manifest.exports)).toEqual(['.', './public', './staff', './package.json']);
    for (const path of ['.', './public', './staff']) {
      const entry = manifest.exports[path]!;
      expect(Object.keys(entry)).toContain('default');
      for (const condition of ['import', 'require', 'default']) expect(Object.keys(entry[condition] as object)[0]).toBe('types');
    }
  });
});
