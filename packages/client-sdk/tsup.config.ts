import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base.js';

// ESM for bundlers and `import`, CommonJS for `require` and older resolvers
// (`moduleResolution: node10`), each with its declarations (.d.ts, .d.cts).
export default defineConfig(baseConfig({ format: ['esm', 'cjs'] }));
