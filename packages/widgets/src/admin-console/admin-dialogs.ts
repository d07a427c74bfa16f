import { html, nothing, type TemplateResult } from 'lit';
import { STAFF_LABELS, nameIn } from '../staff/staff-labels.js';
import { actions, errorLine, unitOptions, UNIT_KINDS, type DialogContext } from './admin-dialog-parts.js';
import { renderIndicatorDialog } from './admin-indicator-dialogs.js';
import { moveTargets, type AdminDialog } from './admin-model.js';

export type { DialogContext } from './admin-dialog-parts.js';

const ROLES = ['IOC_OPERATOR', 'UNIT_OFFICER', 'UNIT_LEADER', 'LEADER', 'TENANT_ADMIN'] as const;

const field = (id: string, label: string, input: TemplateResult, hint?: string) =>
  html`<div class="field"><label for=${id}>${label}</label>${input}${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}</div>`;
const text = (id: string, name: string, value = '', required = false, type = 'text') =>
  html`<input id=${id} name=${name} type=${type} .value=${value} autocomplete="off" ?required=${required} />`;

/** The dialog's body for its kind (the `<dialog>` itself is the component's). */
export function renderAdminDialog(dialog: AdminDialog, c: DialogContext): TemplateResult {
  const { m } = c;
  switch (dialog.kind) {
    case 'unit':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.addUnit}</h2>
        ${field('d-code', m.code, text('d-code', 'code', '', true))} ${field('d-name', m.name, text('d-name', 'name', '', true))}
        ${field('d-name-en', m.nameEn, text('d-name-en', 'nameEn'))}
        ${field('d-kind', m.kind, html`<select id="d-kind" name="kind">${UNIT_KINDS.map((k) => html`<option value=${k}>${m.unitKinds[k]}</option>`)}</select>`)}
        ${field('d-parent', m.parent, html`<select id="d-parent" name="parentId">${unitOptions(c, null, m.topLevel)}</select>`)}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
    case 'unit-edit': {
      const u = dialog.unit;
      const targets = moveTargets(c.units, u);
      const current = u.parentId && !targets.some((t) => t.id === u.parentId) ? c.units.find((t) => t.id === u.parentId) : undefined;
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.editUnit}: ${nameIn(u, c.lang)} (${u.code})</h2>
        ${field('d-name', m.name, text('d-name', 'name', u.name, true))} ${field('d-name-en', m.nameEn, text('d-name-en', 'nameEn', u.nameEn ?? ''))}
        ${field('d-kind', m.kind, html`<select id="d-kind" name="kind">${UNIT_KINDS.map((k) => html`<option value=${k} ?selected=${k === u.kind}>${m.unitKinds[k]}</option>`)}</select>`)}
        ${field(
          'd-parent',
          m.moveUnit,
          html`<select id="d-parent" name="parentId" aria-describedby="d-parent-hint">
            <option value="" ?selected=${!u.parentId}>${m.topLevel}</option>
            ${current ? html`<option value=${current.id} selected>${nameIn(current, c.lang)} (${current.code})</option>` : nothing}
            ${targets.map((t) => html`<option value=${t.id} ?selected=${t.id === u.parentId}>${nameIn(t, c.lang)} (${t.code})</option>`)}
          </select>`,
          m.moveHint,
        )}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
    }
    case 'focal':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.setFocal}</h2>
        <fieldset class="choices">
          <legend>${m.role}</legend>
          ${(['STAFF', 'LEADER'] as const).map((r, i) => html`<label class="choice"><input type="radio" name="role" value=${r} ?checked=${i === 0} />${m.focalRoles[r]}</label>`)}
        </fieldset>
        ${field('d-full-name', m.fullName, text('d-full-name', 'fullName', '', true))} ${field('d-title', m.title, text('d-title', 'title'))}
        ${field('d-phone', m.phone, text('d-phone', 'phone', '', false, 'tel'))} ${field('d-email', m.email, text('d-email', 'email', '', false, 'email'))}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
    case 'policy': {
      const p = dialog.policy;
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${p ? `${m.edit}: ${p.name}` : m.addPolicy}</h2>
        ${field('d-code', m.code, html`<input id="d-code" name="code" .value=${p?.code ?? ''} ?readonly=${!!p} autocomplete="off" required />`)}
        ${field('d-name', m.name, text('d-name', 'name', p?.name ?? '', true))}
        ${field('d-clock', m.clock, html`<select id="d-clock" name="clock">${(['WORKING', 'CALENDAR'] as const).map((k) => html`<option value=${k} ?selected=${p?.clock === k}>${m.clocks[k]}</option>`)}</select>`)}
        <p class="hint">${m.minutesHint}</p>
        ${field('d-classify', m.classifyMinutes, text('d-classify', 'classifyMinutes', String(p?.classifyMinutes ?? 240), true, 'number'))}
        ${field('d-accept', m.acceptMinutes, text('d-accept', 'acceptMinutes', String(p?.acceptMinutes ?? 480), true, 'number'))}
        ${field('d-resolve', m.resolveMinutes, text('d-resolve', 'resolveMinutes', String(p?.resolveMinutes ?? 4800), true, 'number'))}
        ${field('d-warn', m.warnRatio, html`<input id="d-warn" name="warnRatio" type="number" step="0.05" min="0" max="1" .value=${String(p?.warnRatio ?? 0.8)} autocomplete="off" />`)}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
    }
    case 'category': {
      const cat = dialog.category;
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${cat ? `${m.edit}: ${nameIn(cat, c.lang)}` : m.addCategory}</h2>
        ${field('d-code', m.code, html`<input id="d-code" name="code" .value=${cat?.code ?? ''} ?readonly=${!!cat} autocomplete="off" required />`)}
        ${field('d-name', m.name, text('d-name', 'name', cat?.name ?? '', true))} ${field('d-name-en', m.nameEn, text('d-name-en', 'nameEn', cat?.nameEn ?? '', true))}
        ${field(
          'd-policy',
          m.policy,
          html`<select id="d-policy" name="slaPolicyCode" required>
            ${c.policies.map((p) => html`<option value=${p.code} ?selected=${p.code === cat?.slaPolicy.code}>${p.name} (${p.code})</option>`)}
          </select>`,
        )}
        ${field('d-unit', m.defaultUnit, html`<select id="d-unit" name="defaultUnitId">${unitOptions(c, cat?.defaultUnitId ?? null, m.none)}</select>`)}
        <label class="choice"><input type="checkbox" name="isPublic" ?checked=${cat?.isPublic ?? true} />${m.isPublic}</label>
        <label class="choice"><input type="checkbox" name="active" ?checked=${cat?.active ?? true} />${m.active}</label>
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
    }
    case 'staff':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.addStaff}</h2>
        ${field('d-email', m.email, text('d-email', 'email', '', true, 'email'))} ${field('d-full-name', m.fullName, text('d-full-name', 'fullName', '', true))}
        ${field('d-role', m.role, html`<select id="d-role" name="role">${ROLES.map((r) => html`<option value=${r}>${STAFF_LABELS[c.lang].roles[r]}</option>`)}</select>`)}
        ${field('d-unit', m.unit, html`<select id="d-unit" name="unitId">${unitOptions(c, null, m.none)}</select>`)}
        ${field('d-password', m.password, html`<input id="d-password" name="password" type="password" autocomplete="new-password" aria-describedby="d-password-hint" />`, m.passwordHint)}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
    case 'key':
      if (dialog.created) {
        return html`<h2 id="dialog-title">${m.addKey}: ${dialog.created.name}</h2>
          <p class="notice ok" role="status">${m.keyShownOnce}</p>
          <div class="field"><label for="d-new-key">${m.keys}</label><input id="d-new-key" class="secret" readonly .value=${dialog.created.key} /></div>
          ${dialog.copied ? html`<p class="hint" role="status">${m.keyCopied}</p>` : nothing}
          <div class="dialog-actions">
            <button type="button" class="secondary" part="button" @click=${c.onCopy}>${m.keyCopy}</button>
            <button type="button" part="button" @click=${c.onCancel}>${m.keySaved}</button>
          </div>`;
      }
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.addKey}</h2>
        ${field('d-name', m.name, text('d-name', 'name', '', true))}
        <fieldset class="choices">
          <legend>${m.kind}</legend>
          ${(['PUBLIC', 'SECRET'] as const).map((k, i) => html`<label class="choice"><input type="radio" name="kind" value=${k} ?checked=${i === 0} />${m.keyKinds[k]}</label>`)}
        </fieldset>
        ${field('d-origins', m.origins, html`<textarea id="d-origins" name="allowedOrigins" aria-describedby="d-origins-hint"></textarea>`, m.originsHint)}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.addKey)}
      </form>`;
    case 'revoke':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.revokeTitle(dialog.name)}</h2>
        <p>${m.revokeWarning}</p>
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.revoke)}
      </form>`;
    case 'ical':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.importTitle(dialog.days.length)}</h2>
        <ul class="cards feed-days">
          ${dialog.days.map((d) => html`<li class="card-item"><strong>${d.date}</strong> — ${m.dayKinds[d.kind]}: ${d.name}</li>`)}
        </ul>
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.importSubmit(dialog.days.length))}
      </form>`;
    case 'indicator':
    case 'indicator-form':
      return renderIndicatorDialog(dialog, c);
    case 'calendar':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.addDay}</h2>
        ${field('d-date', m.date, text('d-date', 'date', '', true, 'date'))}
        <fieldset class="choices">
          <legend>${m.kind}</legend>
          ${(['HOLIDAY', 'WORKING_DAY'] as const).map((k, i) => html`<label class="choice"><input type="radio" name="kind" value=${k} ?checked=${i === 0} />${m.dayKinds[k]}</label>`)}
        </fieldset>
        ${field('d-name', m.name, text('d-name', 'name', '', true))}
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.save)}
      </form>`;
  }
}
