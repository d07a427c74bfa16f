import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './errors.js';
import './category.js';
import './unit.js';
import './report.js';
import './submit-report.js';
import './report-transition.js';
import './staff-commands.js';
import './citizen-commands.js';
import './kpi.js';
import './sign-in.js';
import './subscriptions.js';

/** The whole GraphQL schema, built once. */
export const schema = builder.toSchema({ sortSchema: true });
