import type { Options } from 'tsup';

/** Shared build settings: ESM with declarations, one entry per public module. */
export const baseConfig = (options: Partial<Options> = {}): Options => ({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
  ...options,
});
