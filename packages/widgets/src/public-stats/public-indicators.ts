import type { getPublicIndicators } from '@paht/client-sdk/public';
import { html, nothing } from 'lit';
import { formatNumber, type Lang } from '../shared/i18n.js';
import type { PublicStatsMessages } from './public-stats.messages.js';

type Answer = Awaited<ReturnType<typeof getPublicIndicators>>;
/** A public indicator's tenant-wide figure for the period, as `publicIndicators` answers it. */
export type IndicatorItem = Extract<Answer, { __typename: 'PublicIndicatorsSuccess' }>['data'][number];

export type IndicatorsState = { kind: 'off' } | { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; period: string; items: IndicatorItem[] };

/** The tenant's public socio-economic indicators (docs/indicators.md): name, tenant-wide figure with its unit, the target that applies to it (the API's `target`) and whether it is met. */
export function renderIndicators(state: IndicatorsState, m: PublicStatsMessages, lang: Lang) {
  if (state.kind === 'off') return nothing;
  const n = (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);
  return html`<section part="indicators" class="indicators" aria-labelledby="indicators-title">
    <h3 id="indicators-title">${m.indicators(state.kind === 'ready' ? state.period : '')}</h3>
    ${state.kind === 'loading'
      ? html`<p class="hint">${m.loading}</p>`
      : state.kind === 'failed'
        ? html`<p class="hint">${m.indicatorsFailed}</p>`
        : state.items.length === 0
          ? html`<p class="hint">${m.indicatorsEmpty}</p>`
          : html`<ul>
              ${state.items.map(
                (f) => html`<li>
                  <span class="unit">${(lang === 'en' && f.indicator.nameEn) || f.indicator.name}</span>
                  <span class="share">${f.value === null ? m.indicatorNoValue : `${n(f.value)} ${f.indicator.unitOfMeasure}`}</span>
                  ${f.target !== null && f.target !== undefined
                    ? html`<span class="sub">${m.indicatorTarget(`${n(f.target)} ${f.indicator.unitOfMeasure}`)}${f.missesTarget === null || f.missesTarget === undefined ? nothing : html` · <strong>${f.missesTarget ? m.indicatorMissed : m.indicatorMet}</strong>`}</span>`
                    : nothing}
                </li>`,
              )}
            </ul>`}
  </section>`;
}
