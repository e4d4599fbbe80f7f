// The door of bookings (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { bookingWindowState } from './booking-window';
export { bookingStatusText, timeText, whenText } from './offer-labels';
export {
	OFFER_ARRAY_FIELDS,
	OFFER_UPDATE_ARRAY_FIELDS,
	offerCancelSchema,
	offerFiltersSchema,
	offerSchema,
	offerUpdateSchema
} from './offer-schema';
export {
	BOOKING_ARRAY_FIELDS,
	bookingAnswerSchema,
	bookingCancelSchema,
	bookingSchema,
	checklistSchema
} from './schema';
