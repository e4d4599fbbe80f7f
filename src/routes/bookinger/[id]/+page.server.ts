import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { parseForm, refused, requireForm, requireUser } from '$lib/platform/server';
import {
	checklistItems,
	conflictsForBooking,
	findBookingForUser,
	updateChecklist,
	canUpdateChecklist,
	ACTIVE_STATUSES
} from '$lib/bookings/server';
import { answerBooking } from '../answer.server';
import { checklistSchema } from '$lib/bookings';
import type { Actions, PageServerLoad } from './$types';

const BOOKED = ['requested', 'waitlisted', 'split', 'replayed'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const booking = await findBookingForUser(db, user, params.id);
	if (!booking) error(404, m.booking_err_not_found());
	const conflicts = (await conflictsForBooking(db, user, booking.id)) ?? [];
	// Only a live erhvervspraktik booking has a checklist to work through.
	const hasChecklist =
		booking.offerKind === 'erhvervspraktik' && ACTIVE_STATUSES.includes(booking.status);
	const checklist = hasChecklist
		? checklistItems(booking, copenhagenToday()).map((item) => ({
				...item,
				editable: canUpdateChecklist(user, booking, item.field)
			}))
		: [];
	// Set by the offer page after Book: what just happened, shown at the top.
	const booked = BOOKED.find((b) => b === url.searchParams.get('booket')) ?? null;
	return { booking, conflicts, checklist, booked };
};

export const actions: Actions = {
	confirm: (event) => answerBooking(event, 'confirm', event.params.id),
	decline: (event) => answerBooking(event, 'decline', event.params.id),
	cancel: (event) => answerBooking(event, 'cancel', event.params.id),
	checklist: async ({ locals, params, url, request }) => {
		const user = requireUser(locals, url);
		const form = await requireForm(request);
		const extra = { action: 'checklist' as const };
		const parsed = parseForm(checklistSchema, form);
		if (!parsed.ok) return fail(400, { ...extra, ...parsed.failure.data });
		const result = await updateChecklist(locals.db, user, params.id, parsed.data);
		return result.ok ? { ...extra, done: true } : refused(form, result, extra);
	}
};
