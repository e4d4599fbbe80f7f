// The door of activities (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	type ActivitySession,
	activitySessions,
	type ActivityTimes,
	hasDailyTimes
} from './daily-sessions';
export { parseActivityFilters } from './filters-schema';
export { type ActivityFilters, filtersToParams, parseFilters } from './filters';
export { pillarLabel, statusLabel, visibilityLabel } from './labels';
export { FIRST_SCHOOL_YEAR, isWithinActivityRange, LAST_SCHOOL_YEAR } from './range-schema';
export { conflictText } from './rollforward-labels';
export { ACTIVITY_ARRAY_FIELDS, type ActivityInput, activitySchema } from './schema';
export { schoolHolidaySchema } from './school-holiday-schema';
export { periodText, ruleText } from './series-labels';
export { SERIES_ARRAY_FIELDS, seriesSchema } from './series-schema';
