import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { parseForm, formValues, refused, requireForm, requireUser } from '$lib/platform/server';
import {
	cancelOffer,
	closeOffer,
	findOfferForUser,
	reopenOffer,
	bookSeats,
	listBookableSchools,
	listBookingsForOffer,
	previewBookingConflicts,
	bookingSides,
	allowedActions,
	sidesList
} from '$lib/bookings/server';
import { answerBooking } from '../../bookinger/answer.server';
import {
	bookingWindowState,
	BOOKING_ARRAY_FIELDS,
	bookingSchema,
	offerCancelSchema
} from '$lib/bookings';
import { roundOfOffer } from '$lib/allocation/server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = locals.db;
	const offer = await findOfferForUser(db, locals.user, params.id);
	if (!offer) error(404, m.offer_err_not_found());
	const schools = await listBookableSchools(db, locals.user);
	const rows = (await listBookingsForOffer(db, locals.user, offer.offerId)) ?? [];
	const bookings = rows.map((b) => ({
		...b,
		actions: allowedActions(b.status, sidesList(bookingSides(locals.user, b)))
	}));
	return {
		offer,
		window: bookingWindowState(offer, copenhagenToday()),
		// In a praktikfordeling the place is shared out by the round, not booked here.
		round: locals.user ? await roundOfOffer(db, offer.offerId) : null,
		schools,
		bookings,
		// A fresh key per rendering: a double-clicked submit sends the same one and books once.
		idempotencyKey: randomUUID(),
		created: Number(url.searchParams.get('oprettet') ?? 0),
		// Weeks just published that begin inside the UU notice (week numbers only).
		uuWeeks: (url.searchParams.get('uu') ?? '').split(',').filter((w) => /^\d{1,2}$/.test(w)),
		saved: url.searchParams.has('gemt')
	};
};

async function book(event: RequestEvent, how: 'book' | 'waitlist' | 'split') {
	const user = requireUser(event.locals, event.url);
	const form = await requireForm(event.request);
	form.set('offerId', event.params.id);
	if (how === 'waitlist') form.set('joinWaitlist', 'on');
	if (how === 'split') form.set('splitRest', 'on');
	const extra = { action: 'book' as const };
	const parsed = parseForm(bookingSchema, form, { arrayFields: BOOKING_ARRAY_FIELDS });
	if (!parsed.ok) return fail(400, { ...extra, ...parsed.failure.data });
	const result = await bookSeats(event.locals.db, user, parsed.data);
	if (!result.ok) return refused(form, result, extra);
	const { booking, replayed, rest } = result.value;
	// The booking's own page shows what happened and what comes next, at the top.
	const done = replayed ? 'replayed' : rest ? 'split' : booking.status;
	redirect(303, `/bookinger/${booking.id}?booket=${done}`);
}

/** Close, reopen or cancel the offer itself. */
async function changeOffer(event: RequestEvent, change: 'close' | 'reopen' | 'cancel') {
	const user = requireUser(event.locals, event.url);
	const form = await requireForm(event.request);
	const extra = { action: `${change}Offer` as const };
	const db = event.locals.db;
	let result;
	if (change === 'cancel') {
		const parsed = parseForm(offerCancelSchema, form);
		if (!parsed.ok) return fail(400, { ...extra, ...parsed.failure.data });
		result = await cancelOffer(db, user, event.params.id, parsed.data);
	} else {
		const action = change === 'close' ? closeOffer : reopenOffer;
		result = await action(db, user, event.params.id);
	}
	return result.ok ? { ...extra, done: true } : refused(form, result, extra);
}

export const actions: Actions = {
	preview: async (event) => {
		const user = requireUser(event.locals, event.url);
		const form = await requireForm(event.request);
		const conflicts = await previewBookingConflicts(event.locals.db, user, {
			offerId: event.params.id,
			schoolId: String(form.get('schoolId') ?? ''),
			classLabel: String(form.get('classLabel') ?? '').trim() || undefined
		});
		if (!conflicts) {
			const message = m.booking_err_school_forbidden();
			return fail(403, {
				action: 'book' as const,
				message,
				errors: { schoolId: message },
				values: formValues(form)
			});
		}
		return { action: 'preview' as const, conflicts, values: formValues(form) };
	},
	book: (event) => book(event, 'book'),
	waitlist: (event) => book(event, 'waitlist'),
	split: (event) => book(event, 'split'),
	confirm: (event) => answerBooking(event, 'confirm'),
	decline: (event) => answerBooking(event, 'decline'),
	cancel: (event) => answerBooking(event, 'cancel'),
	closeOffer: (event) => changeOffer(event, 'close'),
	reopenOffer: (event) => changeOffer(event, 'reopen'),
	cancelOffer: (event) => changeOffer(event, 'cancel')
};
