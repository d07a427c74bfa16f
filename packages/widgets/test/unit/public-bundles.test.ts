// No staff operation in what public pages load (#13): the classic script and
// the per-widget module scripts with every chunk they load, bundled from source
// as the build does. The staff bundle is checked too, to prove the check finds them.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { bundleModuleScripts, staffOperations, staffPartsIn } from '../../scripts/public-bundles.mjs';

let modules: Record<string, string>;
let classic: string;
beforeAll(async () => {
  [modules, classic] = await Promise.all([bundleModuleScripts(), bundleWidgets()]);
}, 120_000);

describe('the public widgets’ bundles', () => {
  it('knows the SDK’s staff operations', () => {
    const staff = staffOperations();
    expect(staff.length).toBeGreaterThan(50);
    expect(staff).toEqual(expect.arrayContaining(['SignIn', 'ClassifyReport', 'IocInbox', 'CreateAnswerLink']));
    expect(staff).not.toContain('SubmitReport');
  });

  it.each(['report-form', 'report-tracker', 'public-stats', 'paht-widgets'])('cdn/%s.js and its chunks hold no staff operation', (entry) => {
    const code = modules[entry]!;
    expect(code).toMatch(/mutation SubmitReport\b|query TrackReport\b|query PublicStats\b/);
    expect(staffPartsIn(code)).toEqual([]);
  });

  it('paht-widgets.js (the classic script) holds no staff operation', () => {
    expect(classic).toMatch(/mutation SubmitReport\b/);
    expect(staffPartsIn(classic)).toEqual([]);
  });

  it('finds the staff operations of the staff bundle, and an import of the SDK’s staff part', () => {
    expect(staffPartsIn(modules['staff-widgets']!)).toEqual(expect.arrayContaining(['SignIn', 'ClassifyReport', 'IocInbox']));
    expect(staffPartsIn('import{a}from"@paht/client-sdk/staff";import"@paht/client-sdk/public"')).toEqual(['@paht/client-sdk/staff']);
    expect(staffPartsIn('import{createClient}from"@paht/client-sdk"')).toEqual(['@paht/client-sdk']);
  });
});
