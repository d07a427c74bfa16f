// Registers <paht-unit-forms>. Import this module (or load the staff bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtUnitForms } from './unit-forms.component.js';

export { PahtUnitForms };

if (!customElements.get('paht-unit-forms')) customElements.define('paht-unit-forms', PahtUnitForms);

declare global {
  interface HTMLElementTagNameMap {
    'paht-unit-forms': PahtUnitForms;
  }
}
