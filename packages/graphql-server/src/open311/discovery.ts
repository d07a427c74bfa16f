/** When the endpoints below last changed (the standard's `changeset`). */
export const OPEN311_CHANGESET = '2026-11-25T00:00:00Z';

/** The standard's discovery document (`discovery.json` / `<discovery>`). */
export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Array<{
    specification: string;
    url: string;
    changeset: string;
    type: 'production' | 'test';
    formats: string[];
  }>;
}

/**
 * Where this server's GeoReport v2 endpoint is and what it speaks. The same
 * for every tenant: the tenant is the `jurisdiction_id` of each call.
 */
export function discoveryDocument(baseUrl: string, production: boolean): Open311Discovery {
  return {
    changeset: OPEN311_CHANGESET,
    contact: 'Trung tâm Giám sát, điều hành thông minh (IOC) của tỉnh/thành / the Intelligent Operations Centre of each province or city',
    key_service: 'Không cần api_key; jurisdiction_id là mã (slug) của tỉnh/thành / no api_key needed; jurisdiction_id is the tenant slug',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset: OPEN311_CHANGESET,
        type: production ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
