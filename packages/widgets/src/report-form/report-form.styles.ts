import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { leafletStyles } from './leaflet.styles.js';

export const reportFormStyles = [
  baseStyles,
  leafletStyles,
  css`
    form {
      max-width: 44rem;
    }
    .req {
      font-weight: 400;
      color: var(--_muted);
      font-size: 0.9em;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75rem 1rem 0.25rem;
      margin: 0 0 1rem;
      min-width: 0;
    }
    .map {
      height: var(--paht-map-height, 16rem);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0.5rem 0 0.25rem;
      /* A plain grid shows where tiles cannot load (offline, blocked). */
      background-color: #eef1f4;
      background-image: linear-gradient(#d8dee4 1px, transparent 1px), linear-gradient(90deg, #d8dee4 1px, transparent 1px);
      background-size: 32px 32px;
    }
    .leaflet-container {
      font: inherit;
      font-size: 0.75rem;
    }
    .leaflet-container .leaflet-control-attribution a {
      color: #0b4f94;
    }
    .paht-pin {
      background: none;
      border: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
    .coords {
      margin: 0.25rem 0 1rem;
      font-variant-numeric: tabular-nums;
    }
    .checkbox label {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      font-weight: 400;
    }
    .checkbox input {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0.1rem 0 0;
      flex: none;
    }
    button.link {
      min-height: 0;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_primary-text);
      text-decoration: underline;
    }
    .file-pick {
      position: relative;
    }
    .pick-button {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      color: var(--_primary-text);
      background: var(--_surface);
      cursor: pointer;
    }
    .file-pick:focus-within .pick-button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .file-pick input:disabled + .pick-button {
      opacity: 0.65;
      cursor: not-allowed;
    }
    .previews {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: grid;
      gap: 0.5rem;
    }
    .previews li {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .previews img,
    .previews video,
    .file-icon {
      width: 4rem;
      height: 4rem;
      object-fit: cover;
      border-radius: var(--_radius);
      background: var(--_subtle);
      display: grid;
      place-items: center;
      flex: none;
    }
    .meta {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-width: 0;
    }
    .name {
      overflow-wrap: anywhere;
    }
    progress {
      width: 100%;
      accent-color: var(--_primary);
    }
    button.icon {
      min-width: 2.75rem;
      padding: 0.5rem;
    }
    .done h2:focus {
      outline: none;
    }
    .done h2:focus-visible {
      outline: 3px solid var(--_focus);
    }
    .code-block {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .code-label {
      margin: 0;
      font-weight: 600;
    }
    .code {
      margin: 0.25rem 0 0.75rem;
      font-family: ui-monospace, 'Cascadia Mono', 'Roboto Mono', monospace;
      font-size: 1.5rem;
      font-weight: 700;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
    }
    .code .group {
      display: inline-block;
    }
    #secret {
      font-size: 1.15rem;
    }
    .code .sep {
      color: var(--_muted);
      padding: 0 0.15em;
    }
    .nearby {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
    }
    .nearby h3 {
      margin: 0 0 0.25rem;
      font-size: 1.1rem;
    }
    .nearby-list {
      list-style: none;
      margin: 0.5rem 0;
      padding: 0;
    }
    .nearby-list li {
      padding: 0.5rem 0;
      border-top: 1px solid var(--_border);
    }
    .nearby-list p {
      margin: 0 0 0.25rem;
      overflow-wrap: anywhere;
    }
  `,
];
