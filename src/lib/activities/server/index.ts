// The door of activities (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	type ActivityDetail,
	cancelActivity,
	createActivity,
	deleteActivity,
	findActivityForUser,
	listActivities,
	listCategories,
	loadActivityFormOptions,
	moveActivity,
	updateActivity
} from './activity';
export { type ActivityFailure, type ActivityResult, failure, type FieldErrors, UUID } from './core';
export {
	type CalendarBooking,
	type CalendarBookingStatus,
	parseCalendarRange,
	toCalendarEvents
} from './events';
export { type FilterOptions, listFilterOptions } from './queries/filter-options';
export { type CalendarHoliday, listCalendarHolidays } from './holidays';
export { holidayRowsWithMunicipality, schoolHolidaysTouching } from './queries/holidays';
export { listOrganisationChoices, type OrganisationChoice } from './queries/catalogue';
export {
	canCancelActivity,
	canCreateActivities,
	canDeleteActivity,
	canEditActivity,
	type RightsUser
} from './policy';
export {
	ACTIVITY_WHEN_COLUMNS,
	type ActivityListItem,
	activityListQuery,
	escapeLike,
	filterConditions,
	involvesOrganisations,
	visibilityFilter,
	type VisibilityUser,
	visibleActivitiesQuery
} from './queries/activities';
export { activityFormValues, seriesFormValues } from './form-values';
export { applyRollForward, listRollForwardCandidates, previewRollForward } from './rollforward';
export {
	canEditSchoolHolidays,
	createSchoolHoliday,
	deleteSchoolHoliday,
	findEditableSchoolHoliday,
	type HolidayResult,
	listSchoolHolidays,
	updateSchoolHoliday
} from './school-holiday';
export { cancelOccurrence, seriesIdOf, updateOccurrence } from './series-occurrence';
export {
	createSeries,
	deleteSeries,
	findSeriesForUser,
	previewSeries,
	updateSeries
} from './series';
