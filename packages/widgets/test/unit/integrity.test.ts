import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishVersioned, scriptTag, sriHash } from '../../scripts/integrity.mjs';

describe('the versioned bundle and its integrity hash', () => {
  it('hashes as browsers check Subresource Integrity (SHA-384, base64)', () => {
    // The SHA-384 test vector of FIPS 180-2 ("abc").
    expect(sriHash('abc')).toBe('sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn');
  });

  it('copies the bundle under its version and writes a manifest whose hash matches the copied file', () => {
    const dist = mkdtempSync(join(tmpdir(), 'paht-widgets-dist-'));
    const body = 'var PahtWidgets=(()=>{customElements.define("x-a",class extends HTMLElement{})})();\n';
    writeFileSync(join(dist, 'paht-widgets.js'), body);
    const manifest = publishVersioned(dist, '1.2.3');
    expect(manifest).toEqual({ version: '1.2.3', file: 'paht-widgets-1.2.3.js', integrity: expect.stringMatching(/^sha384-[A-Za-z0-9+/]{64}$/), bytes: body.length });
    const copied = readFileSync(join(dist, manifest.file));
    expect(manifest.integrity).toBe(`sha384-${createHash('sha384').update(copied).digest('base64')}`);
    expect(JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(scriptTag(`https://cdn.example/${manifest.file}`, manifest.integrity)).toBe(
      `<script src="https://cdn.example/paht-widgets-1.2.3.js" integrity="${manifest.integrity}" crossorigin="anonymous" defer></script>`,
    );
  });

  it('refuses a version that is not semantic (the file name must say exactly what it is)', () => {
    const dist = mkdtempSync(join(tmpdir(), 'paht-widgets-dist-'));
    writeFileSync(join(dist, 'paht-widgets.js'), 'x');
    expect(() => publishVersioned(dist, 'latest')).toThrow(TypeError);
  });
});
