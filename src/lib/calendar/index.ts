// The door of calendar (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	calendarSearch,
	type CalendarView,
	parseCalendarDate,
	parseCalendarView,
	shiftPeriod,
	VIEW_NAMES,
	visibleRange
} from './view-state';
