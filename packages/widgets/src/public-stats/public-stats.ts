// Registers <paht-public-stats>. Import this module (or load the bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtPublicStats } from './public-stats.component.js';

export { PahtPublicStats };

if (!customElements.get('paht-public-stats')) customElements.define('paht-public-stats', PahtPublicStats);

declare global {
  interface HTMLElementTagNameMap {
    'paht-public-stats': PahtPublicStats;
  }
}
