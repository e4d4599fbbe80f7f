// The door of wheel (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { drawWheel } from './drawing';
export { WHEEL_DRAWING_OPTIONS, WHEEL_SIZE } from './frame';
export { todayHandAngle } from './geometry';
export { keyEntries, listEntries, numbersIn } from './key';
export { bookingMarkLegend, bookingStatusLine } from './links';
export { packWheelItems, unpackWheelItems } from './pack';
export {
	expandRecurrence,
	type Occurrence,
	type RecurrenceRule,
	type RecurrenceSeries,
	RecurrenceTooLargeError,
	validateRecurrence
} from './recurrence/recurrence';
export {
	type RolledSpan,
	rollForward,
	type RollForwardConflict,
	rollTitleForward
} from './recurrence/rollforward';
export { wheelProps, type WheelPageData } from './wheel-props';
export {
	focusOf,
	overlapsPeriod,
	parseZoom,
	periodLabel,
	shiftPeriod,
	ZOOM_LEVELS,
	zoomIn,
	zoomOut,
	zoomParams,
	periodAt,
	type ZoomLevel,
	type ZoomPeriod
} from './zoom';
