import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { type RightsUser, findActivityForUser } from '$lib/activities/server';
import { findActivityFeedRow } from './queries';
import { activityEvent, eventsPerDay } from './events';
import { renderCalendar } from './ical';

/** A one-off .ics of one activity, or null when the user may not see it (the route says 404). */
export async function buildActivityIcs(
	db: Kysely<DB>,
	user: RightsUser | null,
	id: string,
	origin: string
): Promise<{ body: string; filename: string } | null> {
	const activity = await findActivityForUser(db, user, id);
	if (!activity) return null;
	const row = await findActivityFeedRow(db, activity.id);
	if (!row) return null;
	const event = activityEvent(row, { origin, showContacts: user !== null, nameSchools: false });
	const slug = activity.title
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return {
		body: renderCalendar({ name: activity.title, events: eventsPerDay(event) }),
		filename: `${slug || 'aktivitet'}.ics`
	};
}
