// The tenant settings form's facts come from the server's one settings
// schema (core's `tenantSettingsChangeSchema`, read as JSON Schema with
// `tenantSettingsSchema`): which fields a section has, their kinds, ranges,
// patterns, choices and defaults, and each rule's message (`x-message`).
// Nothing here repeats a bound or a pattern; the words around them are the
// console's (admin-console.messages.ts).

/** The part of JSON Schema (draft 2020-12) the server's settings schema uses. */
export interface SettingSchema {
  type?: string;
  properties?: Record<string, SettingSchema>;
  required?: string[];
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  items?: SettingSchema | false;
  propertyNames?: SettingSchema;
  'x-message'?: string;
}

/** A field of the settings form: its path in the input (`deadlines.autoCloseDays`) and its schema. */
export interface SettingField {
  path: string;
  schema: SettingSchema;
  required: boolean;
}

/** A rule a value broke: the field's path (`allowedOrigins.1`) and why, in the console's words around the schema's facts. */
export interface SettingProblem {
  path: string;
  message: string;
}

/** The words the checks need (from the console's messages). */
export interface ProblemWords {
  range: (min: number | undefined, max: number | undefined) => string;
  length: (min: number | undefined, max: number | undefined) => string;
  wholeNumber: string;
  choice: (options: readonly string[]) => string;
  format: (rule: string | undefined) => string;
  required: string;
  tooMany: (max: number) => string;
}

/** Parses the schema text the API answers; null when it is not a settings schema. */
export function parseSettingsSchema(text: string | null | undefined): SettingSchema | null {
  if (!text) return null;
  try {
    const schema = JSON.parse(text) as SettingSchema;
    return schema && typeof schema === 'object' && schema.properties ? schema : null;
  } catch {
    return null;
  }
}

/** The fields of an object setting (`notifications`, `deadlines`, `workflow`, `oidc`), in the schema's order. */
export function fieldsOf(root: SettingSchema, section: string): SettingField[] {
  const schema = root.properties?.[section];
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, s]) => ({ path: `${section}.${name}`, schema: s, required: required.has(name) }));
}

/** The settings the schema has (`officeHours`, `oidc`…): the console shows a section only when its setting exists. */
export const hasSetting = (root: SettingSchema | null, name: string): boolean => Boolean(root?.properties?.[name]);

/** The weekdays office hours may name (`"1"` … `"7"`), from the schema. */
export const officeWeekdays = (root: SettingSchema | null): string[] => root?.properties?.officeHours?.propertyNames?.enum ?? [];

function patternOf(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return null;
    }
  }
}

/** What breaks `schema` in `value` (at `path`), recursively; empty when it passes. Rules across fields are left to the server. */
export function checkSetting(schema: SettingSchema, value: unknown, path: string, w: ProblemWords): SettingProblem[] {
  if (value === undefined || value === null) return [];
  const problems: SettingProblem[] = [];
  const add = (message: string) => problems.push({ path, message });
  if (schema.type === 'object' && schema.properties && typeof value === 'object' && !Array.isArray(value)) {
    for (const name of schema.required ?? []) {
      if ((value as Record<string, unknown>)[name] === undefined) problems.push({ path: `${path}.${name}`, message: w.required });
    }
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const s = schema.properties[name];
      if (s) problems.push(...checkSetting(s, v, path ? `${path}.${name}` : name, w));
    }
    return problems;
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add(w.tooMany(schema.maxItems));
    if (schema.items) value.forEach((v, i) => problems.push(...checkSetting(schema.items as SettingSchema, v, `${path}.${i}`, w)));
    return problems;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (typeof value !== 'number' || Number.isNaN(value)) add(w.wholeNumber);
    else if (schema.type === 'integer' && !Number.isInteger(value)) add(w.wholeNumber);
    else if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) add(w.range(schema.minimum, schema.maximum));
    return problems;
  }
  if (schema.enum && !(typeof value === 'string' && schema.enum.includes(value))) {
    add(w.choice(schema.enum));
    return problems;
  }
  if (schema.type === 'string' && typeof value === 'string') {
    if ((schema.minLength !== undefined && value.length < schema.minLength) || (schema.maxLength !== undefined && value.length > schema.maxLength)) {
      add(w.length(schema.minLength, schema.maxLength));
    } else if (schema.pattern && patternOf(schema.pattern)?.test(value) === false) {
      add(w.format(schema['x-message']));
    }
  }
  return problems;
}

/** The problems of a whole settings change against the schema. */
export const checkSettings = (root: SettingSchema, input: Record<string, unknown>, w: ProblemWords): SettingProblem[] => checkSetting(root, input, '', w);

/** The form field a problem's path belongs to (`allowedOrigins.1` → `allowedOrigins`, `officeHours.3` → `officeHours.3`). */
export function fieldOfProblem(path: string, fieldNames: ReadonlySet<string>): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const candidate = parts.slice(0, n).join('.');
    if (fieldNames.has(candidate)) return candidate;
  }
  return null;
}
