// Whether an offer can be booked today, as the offer page says it. Mirrors the refusals of
// bookSeats, which stays the authority: this only decides what to show.

export type WindowState = 'open' | 'not_yet' | 'ended' | 'closed' | 'cancelled' | 'past';

export interface WindowInput {
	offerStatus: 'open' | 'closed' | 'cancelled';
	status: 'planned' | 'cancelled';
	endDate: string;
	bookingOpensAt: string | null;
	bookingClosesAt: string | null;
}

export function bookingWindowState(offer: WindowInput, today: string): WindowState {
	if (offer.offerStatus === 'cancelled' || offer.status === 'cancelled') return 'cancelled';
	if (offer.offerStatus === 'closed') return 'closed';
	if (today > offer.endDate) return 'past';
	if (offer.bookingOpensAt && today < offer.bookingOpensAt) return 'not_yet';
	if (offer.bookingClosesAt && today > offer.bookingClosesAt) return 'ended';
	return 'open';
}
