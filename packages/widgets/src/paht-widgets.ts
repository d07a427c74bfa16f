// The script-tag bundle (dist/paht-widgets.js): registers the citizen tags and
// <paht-answer-link> (a contractor's or commune's answer through a unit's link).
//   <script src="…/paht-widgets.js" defer></script>
import './report-form/report-form.js';
import './report-tracker/report-tracker.js';
import './public-stats/public-stats.js';
import './answer-link/answer-link.js';

export { PahtReportForm } from './report-form/report-form.component.js';
export { PahtReportTracker } from './report-tracker/report-tracker.component.js';
export { PahtPublicStats } from './public-stats/public-stats.component.js';
export { PahtAnswerLink } from './answer-link/answer-link.component.js';
