// The door of bookings (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { cancelBooking, confirmBooking, declineBooking, sidesList } from './answer';
export { bookingApiBody, isIdempotencyKey, isOfferId, parseBookingBody } from './api';
export {
	type BookingConflict,
	bookSeats,
	checklistItems,
	conflictsForBooking,
	findBookingForUser,
	listBookableSchools,
	listBookingsForOffer,
	listChecklistDue,
	listOwnBookingsForActivities,
	municipalityOverview,
	type OwnBooking,
	previewBookingConflicts,
	providerRequestsWaiting,
	providerUpcoming,
	schoolBookings,
	updateChecklist
} from './booking';
export {
	type ActivityLink,
	listActivityLinks,
	type OpenBookingStatus
} from './queries/activity-links';
export { listOfferOwners } from './offer-form-options';
export {
	cancelOffer,
	closeOffer,
	createOffer,
	findOfferForUser,
	listOffers,
	reopenOffer,
	updateOffer
} from './offer';
export {
	bookingSides,
	canCreateOffers,
	canUpdateChecklist,
	type ChecklistField,
	OFFERING_KINDS
} from './policy';
export { ACTIVE_STATUSES, allowedActions, OPEN_STATUSES } from './state';
export { BOOKING_DETAIL_COLUMNS, bookingsWithParties } from './queries/bookings';
