const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two WGS 84 points (haversine). */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude box that contains every point within `radius` metres of `centre` (for an indexed pre-filter). */
export function boundingBox(centre: { latitude: number; longitude: number }, radius: number) {
  const dLat = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos(rad(centre.latitude)), 0.01);
  const dLng = Math.min(180, dLat / cos);
  return {
    latitude: { gte: centre.latitude - dLat, lte: centre.latitude + dLat },
    longitude: { gte: centre.longitude - dLng, lte: centre.longitude + dLng },
  };
}
