import { css } from 'lit';

/** The triage help: chips on rows, the suggestions and the duplicates beside the open report. */
export const triageStyles = css`
  .extras {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding: 0 0.25rem;
  }
  .extras:empty {
    display: none;
  }
  .chip {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.85em;
    color: var(--_text);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .chip.people {
    border-color: var(--_warning);
    color: var(--_warning);
    font-weight: 600;
  }
  .suggestion-list,
  .duplicate-list {
    list-style: none;
    margin: 0.25rem 0;
    padding: 0;
  }
  .suggestion-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.4rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .suggestion-list .what {
    flex: 1 1 12rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .confidence {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .bar {
    display: inline-block;
    width: 4rem;
    height: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--_primary);
  }
  .pair {
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .sides {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  @container (min-width: 30rem) {
    .sides {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .side {
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .side p {
    margin: 0 0 0.25rem;
    overflow-wrap: anywhere;
  }
  .side-title {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 4;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
`;
