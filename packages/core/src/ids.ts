const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID in canonical text form (all our ids are). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
