import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import { findOfferForUser, updateOffer } from '$lib/bookings/server';
import { listFilterOptions } from '$lib/activities/server';
import { OFFER_UPDATE_ARRAY_FIELDS, offerUpdateSchema } from '$lib/bookings';
import type { Actions, PageServerLoad } from './$types';

const hhmm = (time: string | null) => (time ? time.slice(0, 5) : '');

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const offer = await findOfferForUser(db, user, params.id);
	if (!offer) error(404, m.offer_err_not_found());
	if (!offer.canEdit) error(403, m.offer_err_forbidden_edit());
	if (offer.offerStatus === 'cancelled') error(409, m.offer_err_cancelled());
	const { trades } = await listFilterOptions(db);
	return {
		offer,
		trades,
		values: {
			title: offer.title,
			description: offer.description,
			tradeCode: offer.tradeCode ?? '',
			gradeLevels: offer.gradeLevels.map(String),
			capacity: String(offer.capacity),
			startDate: offer.startDate,
			endDate: offer.endDate,
			startTime: hhmm(offer.startTime),
			endTime: hhmm(offer.endTime),
			bookingOpensAt: offer.bookingOpensAt ?? '',
			bookingClosesAt: offer.bookingClosesAt ?? '',
			contactName: offer.contactName,
			contactEmail: offer.contactEmail,
			address: offer.address,
			whatToBring: offer.whatToBring,
			whatYouSee: offer.whatYouSee,
			visibility: offer.visibility
		} as Record<string, string | string[]>
	};
};

export const actions: Actions = {
	default: async ({ locals, params, url, request }) => {
		const user = requireUser(locals, url);
		const form = await requireForm(request);
		const parsed = parseForm(offerUpdateSchema, form, { arrayFields: OFFER_UPDATE_ARRAY_FIELDS });
		if (!parsed.ok) return parsed.failure;
		const result = await updateOffer(locals.db, user, params.id, parsed.data);
		if (!result.ok) return refused(form, result);
		redirect(303, `/tilbud/${params.id}?gemt`);
	}
};
