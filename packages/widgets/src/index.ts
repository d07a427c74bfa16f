// The public contract of @paht/widgets. Side-effect free: import
// `@paht/widgets/report-tracker` to register the <paht-report-tracker> tag.
export { PahtReportTracker } from './report-tracker/report-tracker.component.js';
export { trackerMessages, formatInstant, TRACKER_LANGS, type TrackerLang, type TrackerMessages } from './report-tracker/report-tracker.messages.js';
