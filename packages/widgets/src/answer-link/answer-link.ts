// Registers <paht-answer-link>. Import this module (or load the bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtAnswerLink } from './answer-link.component.js';

export { PahtAnswerLink };

if (!customElements.get('paht-answer-link')) customElements.define('paht-answer-link', PahtAnswerLink);

declare global {
  interface HTMLElementTagNameMap {
    'paht-answer-link': PahtAnswerLink;
  }
}
