export const LEAFLET_STYLES_PATH: string;
export function leafletStylesModule(): string;
