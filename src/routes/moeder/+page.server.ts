import { copenhagenToday } from '$lib/dates/iso';
import { listMeetings } from '$lib/server/meeting';
import { canCreateMeeting } from '$lib/server/meeting-rights';
import { requireMeetingUser } from '$lib/server/meeting-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireMeetingUser(locals, url);
	const meetings = await listMeetings(locals.db, user, copenhagenToday());
	return { ...meetings, canCreate: canCreateMeeting(user) };
};
