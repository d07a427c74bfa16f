import { ERROR_FIELDS, VALIDATION_FIELDS, typedDocument } from '@paht/client-sdk';
import type { KpiGroupBy, KpisResult } from '../shared/documents.js';

const KPI_FIELDS = 'key label received resolved onTime overdue inProgress rejected avgResolutionHours ratings avgRating satisfiedShare';
const selection = `__typename ... on KpisSuccess { data { ${KPI_FIELDS} } } ${ERROR_FIELDS} ${VALIDATION_FIELDS}`;

/** Everything the statistics show, in one request (slow networks): totals, the chosen grouping, and units for the ranking. */
export const PUBLIC_STATS = typedDocument<{ total: KpisResult; rows: KpisResult; units: KpisResult }, { from: string; to: string; groupBy: KpiGroupBy }>(`
  query PublicStats($from: String!, $to: String!, $groupBy: KpiGroupBy) {
    total: kpis(from: $from, to: $to, groupBy: TENANT) { ${selection} }
    rows: kpis(from: $from, to: $to, groupBy: $groupBy) { ${selection} }
    units: kpis(from: $from, to: $to, groupBy: UNIT) { ${selection} }
  }`);
