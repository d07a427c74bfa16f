// The staff script-tag bundle (dist/staff-widgets.js): registers
// <paht-staff-console> and <paht-ioc-inbox>. Kept apart from the citizen
// bundle, which public pages load.
//   <script src="…/staff-widgets.js" defer></script>
import './staff-console/staff-console.js';
import './ioc-inbox/ioc-inbox.js';
import './leader-overview/leader-overview.js';
import './admin-console/admin-console.js';
import './unit-queue/unit-queue.js';
import './indicator-forms/unit-forms.js';

export { PahtStaffConsole } from './staff-console/staff-console.component.js';
export { PahtIocInbox } from './ioc-inbox/ioc-inbox.component.js';
export { PahtLeaderOverview } from './leader-overview/leader-overview.component.js';
export { PahtAdminConsole } from './admin-console/admin-console.component.js';
export { PahtUnitQueue } from './unit-queue/unit-queue.component.js';
export { PahtUnitForms } from './indicator-forms/unit-forms.component.js';
export { StaffSession } from './staff/staff-session.js';
