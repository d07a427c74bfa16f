import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './errors.js';
import './category.js';
import './unit.js';
import './node.js';
import './report.js';
import './report-connection.js';
import './submit-report.js';
import './report-transition.js';
import './staff-commands.js';
import './unit-queue.js';
import './citizen-commands.js';
import './reporter-contact.js';
import './report-triage.js';
import './report-support.js';
import './kpi.js';
import './exports.js';
import './sign-in.js';
import './subscriptions.js';
import './staff-notifications.js';
import './admin-config.js';
import './admin-access.js';
import './admin-audit.js';
import './admin-tenant.js';

/** The whole GraphQL schema, built once. */
export const schema = builder.toSchema({ sortSchema: true });
