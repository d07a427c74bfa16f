import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPI_COLUMNS } from '../../src/exports/export-rows.js';

// The KPI export carries every figure docs/kpis.md defines: the figures are
// read from the document's tables (the "figure" column), not listed here.
const doc = readFileSync(new URL('../../../../docs/kpis.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Report-handling figures'), doc.indexOf('## Stages and rankings'));

function documentedFigures(): string[] {
  const figures: string[] = [];
  let column = -1;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) { column = -1; continue; }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (column === -1) { column = cells.indexOf('figure'); continue; }
    const name = /^`(\w+)`/.exec(cells[column] ?? '')?.[1];
    if (name) figures.push(name);
  }
  return figures;
}

describe('the KPI export columns', () => {
  it('hold every figure of docs/kpis.md, each with a Vietnamese and an English header', () => {
    const figures = documentedFigures();
    expect(figures.length).toBeGreaterThanOrEqual(19);
    expect(figures).toEqual(expect.arrayContaining(['resolvedOnTime', 'openOverdue', 'p90HandlingHours', 'publishedShare']));
    const keys = KPI_COLUMNS.map((c) => c.key as string);
    for (const figure of figures) expect(keys, figure).toContain(figure);
    for (const c of KPI_COLUMNS) {
      expect(c.vi, c.key).toMatch(/\S/);
      expect(c.en, c.key).toMatch(/\S/);
      expect(c.vi, c.key).not.toBe(c.en);
    }
    expect(new Set(KPI_COLUMNS.map((c) => `${c.vi} / ${c.en}`)).size).toBe(KPI_COLUMNS.length);
  });
});
