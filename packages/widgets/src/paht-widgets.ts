// The script-tag bundle (dist/paht-widgets.js): registers all three tags.
//   <script src="…/paht-widgets.js" defer></script>
import './report-form/report-form.js';
import './report-tracker/report-tracker.js';
import './public-stats/public-stats.js';

export { PahtReportForm } from './report-form/report-form.component.js';
export { PahtReportTracker } from './report-tracker/report-tracker.component.js';
export { PahtPublicStats } from './public-stats/public-stats.component.js';
