// Registers <paht-admin-console>. Import this module (or load the staff
// bundle) once on a page; importing the component class alone registers nothing.
// The branding preview shows the citizen widgets (statistics, form,
// tracker): registered with it.
import '../public-stats/public-stats.js';
import '../report-form/report-form.js';
import '../report-tracker/report-tracker.js';
import { PahtAdminConsole } from './admin-console.component.js';

export { PahtAdminConsole };

if (!customElements.get('paht-admin-console')) customElements.define('paht-admin-console', PahtAdminConsole);

declare global {
  interface HTMLElementTagNameMap {
    'paht-admin-console': PahtAdminConsole;
  }
}
