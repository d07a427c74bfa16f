import type { Category, SubmitReportInput } from '@paht/client-sdk/public';
import { isVietnamesePhone } from '../shared/phone.js';
import type { LatLng } from './location-map.js';
import type { ReportFormMessages } from './report-form.messages.js';

/** The form's values, what they are checked against, and what is sent: no rendering here. */

export type FieldName = 'category' | 'title' | 'description' | 'location' | 'phone' | 'email' | 'consent';

export type FieldErrors = Partial<Record<FieldName | 'server', string>>;

export interface ReportFormValues {
  categoryId: string;
  title: string;
  description: string;
  ward: string;
  address: string;
  phone: string;
  fullName: string;
  /** Optional: where the citizen is told of the report's progress. */
  email: string;
  consent: boolean;
  position: LatLng | null;
}

export type CategoriesState = { kind: 'loading' } | { kind: 'ready'; list: Category[] } | { kind: 'failed' };

export type FormPhase =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'queued' }
  | { kind: 'failed'; requestId: string | null }
  | { kind: 'done'; trackingCode: string; secret: string };

export const EMPTY_VALUES: Readonly<ReportFormValues> = { categoryId: '', title: '', description: '', ward: '', address: '', phone: '', fullName: '', email: '', consent: false, position: null };

/** The fields in the order they are shown: the first with an error takes the focus. */
export const FIELD_ORDER: readonly FieldName[] = ['category', 'title', 'description', 'location', 'phone', 'email', 'consent'];

/** A plausible address; the server checks it fully. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isPlausibleEmail = (email: string): boolean => EMAIL.test(email.trim());

/** The field whose error an edit of this value clears. */
export const VALUE_FIELD: Partial<Record<keyof ReportFormValues, FieldName>> = {
  categoryId: 'category',
  title: 'title',
  description: 'description',
  ward: 'location',
  address: 'location',
  position: 'location',
  phone: 'phone',
  email: 'email',
  consent: 'consent',
};

/** Checks the values as the server will; returns the errors (empty when valid). */
export function validateValues(v: ReportFormValues, e: ReportFormMessages['errors']): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const title = v.title.trim();
  if (title.length < 5 || title.length > 200) errors.title = e.title;
  const description = v.description.trim();
  if (description.length < 10 || description.length > 5000) errors.description = e.description;
  if (!v.position && !v.address.trim() && !v.ward.trim()) errors.location = e.location;
  if (!isVietnamesePhone(v.phone)) errors.phone = e.phone;
  if (v.email.trim() && !isPlausibleEmail(v.email)) errors.email = e.email;
  if (!v.consent) errors.consent = e.consent;
  return errors;
}

/** The contact a "me too" carries: what the citizen gave and consented to share, nothing otherwise. */
export function supportContact(v: ReportFormValues): { phone?: string; email?: string } {
  if (!v.consent) return {};
  return { ...(isVietnamesePhone(v.phone) ? { phone: v.phone.trim() } : {}), ...(isPlausibleEmail(v.email) ? { email: v.email.trim() } : {}) };
}

/** What `submitReport` is sent for these values and the files already uploaded. */
export function submissionInput(v: ReportFormValues, uploadIds: string[]): SubmitReportInput {
  const address = [v.address.trim(), v.ward.trim()].filter(Boolean).join(', ');
  const input: SubmitReportInput & { uploadIds?: string[] } = {
    title: v.title.trim(),
    description: v.description.trim(),
    channel: 'WEB',
    reporter: { phone: v.phone.trim(), ...(v.fullName.trim() ? { fullName: v.fullName.trim() } : {}), ...(v.email.trim() ? { email: v.email.trim() } : {}) },
    ...(v.categoryId ? { categoryId: v.categoryId } : {}),
    ...(v.position ? { latitude: v.position.lat, longitude: v.position.lng } : {}),
    ...(address ? { address } : {}),
    ...(uploadIds.length ? { uploadIds } : {}),
  };
  return input;
}

/** The form's errors for the input paths the server refused. */
export function serverFieldErrors(paths: string[], e: ReportFormMessages['errors']): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of paths) {
    if (path === 'title') errors.title = e.title;
    else if (path === 'description') errors.description = e.description;
    else if (path === 'reporter.phone') errors.phone = e.phone;
    else if (path === 'reporter.email') errors.email = e.email;
    else if (path === 'categoryId') errors.category = e.category;
    else if (['address', 'latitude', 'longitude', 'areaCode'].includes(path)) errors.location = e.location;
    else errors.server = e.server;
  }
  return errors;
}
