// Registers <paht-ioc-inbox>. Import this module (or load the staff bundle)
// once on a page; importing the component class alone registers nothing.
import { PahtIocInbox } from './ioc-inbox.component.js';

export { PahtIocInbox };

if (!customElements.get('paht-ioc-inbox')) customElements.define('paht-ioc-inbox', PahtIocInbox);

declare global {
  interface HTMLElementTagNameMap {
    'paht-ioc-inbox': PahtIocInbox;
  }
}
