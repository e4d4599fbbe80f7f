import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { providerRequestsWaiting } from '$lib/bookings/server';

export interface NavBadges {
	/** Booking requests on the user's organisations' offers waiting for an answer. */
	bookingsWaiting: number;
}

/** Counts shown next to navigation items; nothing for visitors. */
export async function navBadges(db: Kysely<DB>, user: Actor | null): Promise<NavBadges> {
	if (!user) return { bookingsWaiting: 0 };
	const waiting = await providerRequestsWaiting(db, user);
	return { bookingsWaiting: waiting.count };
}
