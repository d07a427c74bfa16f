// Registers <paht-report-tracker>. Import this module (or load the bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtReportTracker } from './report-tracker.component.js';

export { PahtReportTracker };

if (!customElements.get('paht-report-tracker')) customElements.define('paht-report-tracker', PahtReportTracker);

declare global {
  interface HTMLElementTagNameMap {
    'paht-report-tracker': PahtReportTracker;
  }
}
