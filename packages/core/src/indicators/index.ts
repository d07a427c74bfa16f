export { Periodicity, PERIODICITIES, parsePeriod, formatPeriod, type Period } from './indicator-periods.js';
export { AggregationRule, AGGREGATION_RULES, aggregateValues, missesTarget, type AggregateInput } from './indicator-rules.js';
export { FORMULA_FUNCTIONS, parseFormula, formulaReferences, evaluateFormula, type FormulaNode, type FormulaFunction } from './indicator-formula.js';
export { defineIndicator, updateIndicator, listIndicators, type IndicatorRecord, type DefineIndicatorInput, type UpdateIndicatorInput } from './indicator-definitions.js';
export { submitIndicatorValue, listIndicatorSubmissions, type IndicatorValueRecord, type IndicatorValueRevisionRecord, type SubmitIndicatorValueInput } from './indicator-values.js';
export { readIndicatorFigure, readPublicIndicatorFigures, type IndicatorFigure, type IndicatorFigureWithUnits } from './indicator-figures.js';
export { defineIndicatorForm, updateIndicatorForm, archiveIndicatorForm, listIndicatorForms, IndicatorFormStatus, type IndicatorFormRecord, type IndicatorFormItemRecord, type DefineIndicatorFormInput, type UpdateIndicatorFormInput } from './indicator-form-definitions.js';
export { submitIndicatorForm, type IndicatorFormSubmissionRecord, type SubmitIndicatorFormInput } from './indicator-form-submissions.js';
export { readIndicatorFormStatus, formDeadline, FormSubmissionState, type IndicatorFormStatusRecord, type UnitFormStatus } from './indicator-form-status.js';
