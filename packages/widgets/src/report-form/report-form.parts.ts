import { html, nothing } from 'lit';
import { groupForReading } from '../shared/group-digits.js';
import type { Attachment } from './attachments.js';
import { MAX_ATTACHMENTS } from './attachments.js';
import type { ReportFormMessages } from './report-form.messages.js';
import type { FormPhase } from './report-form.values.js';

/** The photos and videos list: previews, progress, remove buttons. */
export function renderMedia(attachments: Attachment[], m: ReportFormMessages, onFiles: (e: Event) => void, onRemove: (key: string) => void) {
  const full = attachments.length >= MAX_ATTACHMENTS;
  return html`<div class="field media">
    <label for="media">${m.media} <span class="req">(${m.optional})</span></label>
    <p class="hint" id="media-hint">${m.mediaHint}</p>
    <div class="file-pick">
      <input id="media" class="visually-hidden" type="file" accept="image/*,video/*" multiple ?disabled=${full} aria-describedby="media-hint" @change=${onFiles} />
      <label for="media" class="pick-button" part="button" aria-hidden="true">+ ${m.mediaAdd}</label>
    </div>
    ${attachments.length
      ? html`<ul class="previews" part="previews">
          ${attachments.map((a) => {
            const status = statusText(a, m);
            return html`<li>
              ${a.localUrl && a.file.type.startsWith('image/')
                ? html`<img src=${a.localUrl} alt="" />`
                : a.localUrl
                  ? html`<video src=${a.localUrl} muted preload="metadata" aria-hidden="true"></video>`
                  : html`<span class="file-icon" aria-hidden="true">▶</span>`}
              <div class="meta">
                <span class="name">${a.file.name}</span>
                ${a.state === 'uploading'
                  ? html`<progress max="100" .value=${a.percent} aria-label=${`${a.file.name}: ${status}`}></progress>`
                  : nothing}
                <span class=${a.state === 'refused' || a.state === 'failed' ? 'error' : 'hint'} aria-live="polite">${status}</span>
              </div>
              <button part="button" type="button" class="secondary icon" aria-label=${m.mediaRemove(a.file.name)} @click=${() => onRemove(a.key)}>✕</button>
            </li>`;
          })}
        </ul>`
      : nothing}
  </div>`;
}

function statusText(a: Attachment, m: ReportFormMessages): string {
  switch (a.state) {
    case 'uploading':
      return m.uploading(a.percent);
    case 'uploaded':
      return m.uploaded;
    case 'failed':
      return m.uploadFailed;
    case 'refused':
      return m.uploadRefused[a.refusal ?? 'default'] ?? m.uploadRefused.default ?? '';
    default:
      return m.uploadWaiting;
  }
}

/** One code, large, in groups to read out, with a copy button. */
function renderCode(id: string, label: string, value: string, dashed: boolean, m: ReportFormMessages, copied: string, onCopy: (text: string, what: string) => void) {
  // Tracking codes come grouped by dashes (QT-123-456-789); secrets in fours.
  const groups = dashed ? value.split('-') : groupForReading(value, 4);
  return html`<div class="code-block">
    <p class="code-label" id=${`${id}-label`}>${label}</p>
    <p class="code" part="code" id=${id} aria-labelledby=${`${id}-label ${id}`}>
      ${groups.map((g, i) => html`${i ? html`<span class="sep" aria-hidden="true">${dashed ? '-' : ' '}</span>` : nothing}<span class="group">${g}</span>`)}
    </p>
    <p class="visually-hidden">${m.readOut}: ${groups.map((g) => g.split('').join(' ')).join(', ')}</p>
    <button part="button" type="button" class="secondary" aria-describedby=${id} @click=${() => onCopy(value, id)}>
      ${copied === id ? m.copied : m.copy}
    </button>
  </div>`;
}

/** The confirmation: tracking code and secret, to copy or read out. */
export function renderDone(
  phase: { trackingCode: string; secret: string },
  m: ReportFormMessages,
  copied: string,
  onCopy: (text: string, what: string) => void,
  onAnother: () => void,
) {
  return html`<section part="done" class="done" aria-labelledby="done-heading">
    <h2 id="done-heading" tabindex="-1">${m.doneHeading}</h2>
    <p>${m.doneIntro}</p>
    ${renderCode('tracking-code', m.trackingCode, phase.trackingCode, true, m, copied, onCopy)}
    ${renderCode('secret', m.secret, phase.secret, false, m, copied, onCopy)}
    <p class="hint">${m.secretHint}</p>
    <p class="visually-hidden" role="status">${copied ? m.copied : ''}</p>
    <button part="button" type="button" @click=${onAnother}>${m.another}</button>
  </section>`;
}

/** Where the sending stands, below the fields: queued while offline, failed with a retry, or (hidden) sending. */
export function renderPhase(phase: FormPhase, m: ReportFormMessages, retry: () => void) {
  switch (phase.kind) {
    case 'queued':
      return html`<p class="notice" role="status">${m.offlineQueued}</p>`;
    case 'failed':
      return html`<div class="notice error-box" role="alert">
        <p>${m.sendFailed(phase.requestId)}</p>
        <button part="button" type="button" class="secondary" @click=${retry}>${m.sendRetry}</button>
      </div>`;
    default:
      return html`<p class="visually-hidden" role="status">${phase.kind === 'submitting' ? m.submitting : ''}</p>`;
  }
}
