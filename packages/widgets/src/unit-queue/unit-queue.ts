// Registers <paht-unit-queue>. Import this module (or load the staff bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtUnitQueue } from './unit-queue.component.js';

export { PahtUnitQueue };

if (!customElements.get('paht-unit-queue')) customElements.define('paht-unit-queue', PahtUnitQueue);

declare global {
  interface HTMLElementTagNameMap {
    'paht-unit-queue': PahtUnitQueue;
  }
}
