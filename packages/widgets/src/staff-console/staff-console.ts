// Registers <paht-staff-console> (and the <paht-ioc-inbox> it shows).
// Import this module (or load the staff bundle) once on a page.
// The role's workspaces the console opens (the admin console brings the statistics widget for its preview).
import '../leader-overview/leader-overview.js';
import '../admin-console/admin-console.js';
import '../unit-queue/unit-queue.js';
import '../indicator-forms/unit-forms.js';
import { PahtStaffConsole } from './staff-console.component.js';

export { PahtStaffConsole };

if (!customElements.get('paht-staff-console')) customElements.define('paht-staff-console', PahtStaffConsole);

declare global {
  interface HTMLElementTagNameMap {
    'paht-staff-console': PahtStaffConsole;
  }
}
