export interface WidgetsManifest {
  version: string;
  file: string;
  integrity: string;
  bytes: number;
}
export function sriHash(bytes: Uint8Array | string): string;
export function scriptTag(url: string, integrity: string): string;
export function publishVersioned(dist: string, version: string): WidgetsManifest;
