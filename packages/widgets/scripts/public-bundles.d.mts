export function staffOperations(): string[];
export function staffPartsIn(code: string, operations?: string[]): string[];
export const CDN_ENTRIES: Record<string, string>;
export function bundleModuleScripts(): Promise<Record<string, string>>;
