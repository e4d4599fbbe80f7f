import { copenhagenToday } from '$lib/platform/dates/iso';
import { listMeetings, canCreateMeeting } from '$lib/meetings/server';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/platform/server';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const meetings = await listMeetings(locals.db, user, copenhagenToday());
	return { ...meetings, canCreate: canCreateMeeting(user) };
};
