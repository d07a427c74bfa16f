// Registers <paht-staff-console> (and the <paht-ioc-inbox> it shows).
// Import this module (or load the staff bundle) once on a page.
import { PahtStaffConsole } from './staff-console.component.js';

export { PahtStaffConsole };

if (!customElements.get('paht-staff-console')) customElements.define('paht-staff-console', PahtStaffConsole);

declare global {
  interface HTMLElementTagNameMap {
    'paht-staff-console': PahtStaffConsole;
  }
}
