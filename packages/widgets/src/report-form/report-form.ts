// Registers <paht-report-form>. Import this module (or load the bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtReportForm } from './report-form.component.js';

export { PahtReportForm };

if (!customElements.get('paht-report-form')) customElements.define('paht-report-form', PahtReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'paht-report-form': PahtReportForm;
  }
}
