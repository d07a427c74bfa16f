// Registers <paht-leader-overview>. Import this module (or load the staff
// bundle) once on a page; importing the component class alone registers nothing.
import { PahtLeaderOverview } from './leader-overview.component.js';

export { PahtLeaderOverview };

if (!customElements.get('paht-leader-overview')) customElements.define('paht-leader-overview', PahtLeaderOverview);

declare global {
  interface HTMLElementTagNameMap {
    'paht-leader-overview': PahtLeaderOverview;
  }
}
