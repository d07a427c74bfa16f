// Before submitting: open public reports of the chosen category near the
// pin, each with a "me too" (supportReport) so that a citizen whose problem
// is already reported joins it instead of filing a duplicate. The citizen
// may still send their own report. docs/classification.md.
import { nearbyReports, supportReport, type NearbyReportsQuery, type PublicClient } from '@paht/client-sdk/public';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../shared/i18n.js';
import type { ReportFormMessages } from './report-form.messages.js';

export type NearbyReport = Extract<NearbyReportsQuery['nearbyReports'], { __typename: 'NearbyReportsSuccess' }>['data'][number];

/** Supports given from this form: the count after it, and whether this device or contact had already. */
export type Supported = Record<string, { people: number; already: boolean }>;

export type NearbyState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; items: NearbyReport[]; supported: Supported; sending: string | null; error: string | null };

type Client = Pick<PublicClient, 'request'>;

/** Up to five open public reports of `categoryId` within 200 m of the pin, nearest first (none on any failure: the form goes on). */
export async function findNearby(client: Client, categoryId: string, at: { lat: number; lng: number }): Promise<NearbyState> {
  try {
    const result = await nearbyReports(client, { categoryId, latitude: at.lat, longitude: at.lng, first: 5 });
    return result.__typename === 'NearbyReportsSuccess' && result.data.length ? { kind: 'ready', items: result.data, supported: {}, sending: null, error: null } : { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}

/** Looks nearby reports up shortly after the topic or the pin changes; only the latest look's answer is shown. */
export class NearbyLookup {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #ask = 0;

  constructor(private readonly show: (state: NearbyState) => void) {}

  /** Looks again for `categoryId` at `position` (nothing to show without both, or when `enabled` is false). */
  look(client: Client, categoryId: string, position: { lat: number; lng: number } | null, enabled: boolean): void {
    if (this.#timer) clearTimeout(this.#timer);
    const ask = ++this.#ask;
    if (!categoryId || !position || !enabled) {
      this.show({ kind: 'none' });
      return;
    }
    this.#timer = setTimeout(() => {
      this.show({ kind: 'loading' });
      void findNearby(client, categoryId, position).then((found) => {
        if (ask === this.#ask) this.show(found);
      });
    }, 400);
  }
}

const DEVICE_KEY = 'paht-device-id';
let pageDevice: string | null = null;

/** This browser's id for "me too" (one per device when no contact is given), kept in local storage when it may be. */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, made);
    return made;
  } catch {
    pageDevice ??= crypto.randomUUID();
    return pageDevice;
  }
}

/** "Me too" on a report: counted once per phone or e-mail when given (to be told of its progress), else per device. */
export async function meToo(client: Client, reportId: string, contact: { phone?: string; email?: string }): Promise<{ people: number; already: boolean } | null> {
  const result = await supportReport(client, { reportId, deviceId: deviceId(), ...contact });
  return result.__typename === 'ReportSupport' ? { people: result.supporterCount + 1, already: result.alreadySupported } : null;
}

/** The list of nearby reports with their "me too" buttons (nothing when there are none). */
export function renderNearby(state: NearbyState, m: ReportFormMessages, lang: Lang, onSupport: (id: string) => void): TemplateResult | typeof nothing {
  if (state.kind === 'none') return nothing;
  if (state.kind === 'loading') return html`<p class="hint nearby-status" role="status">${m.nearbyLoading}</p>`;
  return html`<section class="nearby" part="nearby" aria-labelledby="nearby-heading">
    <h3 id="nearby-heading">${m.nearbyHeading}</h3>
    <p class="hint">${m.nearbyIntro}</p>
    <ul class="nearby-list">
      ${state.items.map(({ report, distanceMeters }) => {
        const done = state.supported[report.id];
        const people = done?.people ?? report.supporterCount + 1;
        const category = report.category ? (lang === 'en' && report.category.nameEn) || report.category.name : '';
        return html`<li data-code=${report.trackingCode}>
          <p class="nearby-title"><strong>${report.title ?? report.trackingCode}</strong></p>
          <p class="hint">
            ${report.trackingCode}${category ? ` · ${category}` : ''} · ${m.nearbyDistance(distanceMeters)}${report.address ? ` · ${report.address}` : ''} ·
            ${m.peopleAffected(people)}
          </p>
          ${done
            ? html`<p class="notice ok" role="status">${done.already ? m.alreadySupported(report.trackingCode) : m.supported(report.trackingCode, people)}</p>`
            : html`<button part="button" type="button" class="secondary" aria-describedby="nearby-contact-hint" ?disabled=${state.sending !== null}
                aria-label=${state.sending === report.id ? nothing : m.meTooFor(report.trackingCode, report.title ?? '')} @click=${() => onSupport(report.id)}>
                ${state.sending === report.id ? m.supportSending : m.meToo}
              </button>`}
        </li>`;
      })}
    </ul>
    ${state.error ? html`<p class="error" role="alert">${state.error}</p>` : nothing}
    <p class="hint" id="nearby-contact-hint">${m.supportContactHint}</p>
    <p class="hint">${m.submitOwnHint}</p>
  </section>`;
}
