export const esbuild: unknown;
export function bundleWidgets(options?: { minify?: boolean; sourcemap?: boolean }): Promise<string>;
