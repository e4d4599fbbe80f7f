import { copenhagenToday } from '$lib/platform/dates/iso';
import { listMeetings, canCreateMeeting, requireMeetingUser } from '$lib/meetings/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireMeetingUser(locals, url);
	const meetings = await listMeetings(locals.db, user, copenhagenToday());
	return { ...meetings, canCreate: canCreateMeeting(user) };
};
