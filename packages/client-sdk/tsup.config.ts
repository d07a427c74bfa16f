import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base.js';

// ESM for bundlers and `import`, CommonJS for `require` and older resolvers
// (`moduleResolution: node10`), each with its declarations (.d.ts, .d.cts).
// Three entries (the whole SDK, `/public`, `/staff`) sharing chunks, so one
// application importing two of them holds one copy of each class (`PahtError`).
export default defineConfig(
  baseConfig({
    entry: { index: 'src/index.ts', public: 'src/public.ts', staff: 'src/staff.ts' },
    format: ['esm', 'cjs'],
    splitting: true,
  }),
);
