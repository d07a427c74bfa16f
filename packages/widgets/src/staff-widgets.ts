// The staff script-tag bundle (dist/staff-widgets.js): registers
// <paht-staff-console> and <paht-ioc-inbox>. Kept apart from the citizen
// bundle, which public pages load.
//   <script src="…/staff-widgets.js" defer></script>
import './staff-console/staff-console.js';
import './ioc-inbox/ioc-inbox.js';

export { PahtStaffConsole } from './staff-console/staff-console.component.js';
export { PahtIocInbox } from './ioc-inbox/ioc-inbox.component.js';
export { StaffSession } from './staff/staff-session.js';
