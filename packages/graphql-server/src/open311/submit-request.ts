import type { Channel, SubmitReportInput } from '@paht/core';
import { badRequest, invalidSubmission } from './open311-error.js';
import type { PublicCategories } from './public-services.js';

/** The channel Open311 submissions are filed under (passed to the core as a trusted option, not as input). */
export const OPEN311_CHANNEL: Channel = 'OPEN311';

/** Words of the description that make the title, at most. */
const TITLE_WORDS = 10;
/** Characters of the title, at most. */
const TITLE_CHARS = 80;

/** The report's title: the description's first words (Open311 has no title). */
export function titleOf(description: string): string {
  const words = description.trim().split(/\s+/);
  const whole = words.join(' ');
  let title = words.slice(0, TITLE_WORDS).join(' ');
  if (title.length > TITLE_CHARS) title = title.slice(0, TITLE_CHARS).replace(/\s+\S*$/, '') || title.slice(0, TITLE_CHARS);
  return title.length < whole.length ? `${title}…` : title;
}

const text = (value: unknown): string | undefined => {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'number') return String(first);
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
};

function coordinate(name: 'lat' | 'long', value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw invalidSubmission([{ path: name === 'lat' ? 'latitude' : 'longitude', message: 'is not a number' }]);
  return n;
}

/**
 * The parameters of `POST requests` (form fields or JSON) as our
 * submission (filed under OPEN311_CHANNEL): `service_code` → the public category,
 * `lat`/`long`, `address_string`, `description` (its first words make the
 * title), `last_name` + `first_name` → the reporter's full name (family
 * name first, as Vietnamese names are written), `phone` (required here),
 * `email`. `api_key`, `device_id`, `account_id`, `address_id` alone,
 * `attribute[…]` and `media_url` are not used. The core checks the rest.
 */
export function toSubmitInput(params: Record<string, unknown>, categories: PublicCategories): SubmitReportInput {
  const serviceCode = text(params.service_code);
  if (!serviceCode) throw badRequest('Thiếu service_code / service_code is required');
  const category = categories.byCode.get(serviceCode);
  if (!category) throw invalidSubmission([{ path: 'categoryId', message: 'is not a public service' }]);
  const latitude = coordinate('lat', params.lat);
  const longitude = coordinate('long', params.long);
  const address = text(params.address_string);
  if (latitude === undefined && longitude === undefined && !address && text(params.address_id)) {
    throw invalidSubmission([{ path: 'areaCode', message: 'is not supported' }]);
  }
  const description = text(params.description) ?? '';
  const fullName = [text(params.last_name), text(params.first_name)].filter(Boolean).join(' ');
  const email = text(params.email);
  return {
    title: titleOf(description),
    description,
    categoryId: category.id,
    ...(latitude !== undefined ? { latitude } : {}),
    ...(longitude !== undefined ? { longitude } : {}),
    ...(address ? { address } : {}),
    reporter: {
      phone: text(params.phone) ?? '',
      ...(fullName ? { fullName } : {}),
      ...(email ? { email } : {}),
    },
  };
}
