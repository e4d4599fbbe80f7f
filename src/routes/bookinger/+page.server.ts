import {
	conflictsForBooking,
	listChecklistDue,
	municipalityOverview,
	providerRequestsWaiting,
	providerUpcoming,
	schoolBookings,
	type BookingConflict,
	OFFERING_KINDS
} from '$lib/bookings/server';
import { listFilterOptions } from '$lib/activities/server';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/platform/server';

/**
 * One page for every role: a school's bookings, a provider's requests and visits, a municipality's
 * schools. Someone in several organisations sees a section for each.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const of = (kinds: readonly string[]) => user.memberships.filter((ms) => kinds.includes(ms.kind));

	const schools = [];
	for (const school of of(['school'])) {
		const bookings = await schoolBookings(db, user, school.organisationId);
		if (!bookings) continue;
		const conflicts: Record<string, BookingConflict[]> = {};
		for (const b of bookings.upcoming) {
			const found = await conflictsForBooking(db, user, b.id);
			if (found?.length) conflicts[b.id] = found;
		}
		const due = await listChecklistDue(db, user, { schoolId: school.organisationId });
		schools.push({ id: school.organisationId, name: school.name, ...bookings, conflicts, due });
	}

	const isProvider = of(OFFERING_KINDS).length > 0;
	const provider = isProvider
		? {
				waiting: await providerRequestsWaiting(db, user),
				upcoming: await providerUpcoming(db, user)
			}
		: null;

	// The secretariat oversees every municipality; a municipality user their own.
	const municipalityList = user.isSecretariat
		? (await listFilterOptions(db)).municipalities
		: of(['municipality']).map((ms) => ({ id: ms.organisationId, name: ms.name }));
	const municipalities = [];
	for (const mu of municipalityList) {
		const overview = await municipalityOverview(db, user, mu.id);
		if (!overview) continue;
		const due = await listChecklistDue(db, user, { municipalityId: mu.id });
		municipalities.push({ id: mu.id, name: mu.name, ...overview, due });
	}

	return { schools, provider, municipalities };
};
