import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { formatDate } from '$lib/platform/dates/format';
import { suggestNextMeetingDate, suggestNextMeetingTitle } from '$lib/meetings/next-meeting';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import {
	failure,
	type ActivityResult,
	listOrganisationChoices,
	type OrganisationChoice
} from '$lib/activities/server';
import { canCreateMeeting, canPlanNextMeeting } from './policy';
import { findMeeting, findPlannedNextMeetingId } from './queries';

export type MeetingFormValues = Record<string, string | string[]>;

export type MeetingDraft =
	| {
			values: MeetingFormValues;
			previous: { id: string; title: string; startDate: string };
	  }
	/** The next meeting is already planned: open it instead of making a second one. */
	| { existingId: string };

const hhmm = (time: string | null) => time?.slice(0, 5) ?? '';

/**
 * The next meeting as a form to check and send: same title pattern, place, times, caller and
 * invited organisations; 26 weeks later on the same weekday; the agenda opens with a follow-up
 * on the last minutes. Nothing is written until the secretariat submits it. When the next meeting
 * exists already, its id comes back instead (no duplicate).
 */
export async function planNextMeeting(
	db: Kysely<DB>,
	user: Actor | null,
	previousId: string
): Promise<ActivityResult<MeetingDraft>> {
	const previous = await findMeeting(db, user, previousId);
	if (!previous) return failure('not_found', m.meeting_err_not_found());
	if (!canPlanNextMeeting(user)) return failure('forbidden', m.meeting_err_forbidden());
	const existingId = await findPlannedNextMeetingId(db, user, previous.id);
	if (existingId) return { ok: true, value: { existingId } };
	const date = suggestNextMeetingDate(previous.startDate);
	const followUp = m.meeting_followup_line({
		title: previous.title,
		date: formatDate(previous.startDate, 'da', 'long')
	});
	return {
		ok: true,
		value: {
			previous: { id: previous.id, title: previous.title, startDate: previous.startDate },
			values: {
				title: suggestNextMeetingTitle(previous.title, previous.startDate, date),
				place: previous.place,
				ownerId: previous.ownerId,
				date,
				startTime: hhmm(previous.startTime),
				endTime: hhmm(previous.endTime),
				visibility: previous.visibility === 'private' ? 'private' : 'alliance',
				invited: previous.invitedOrgIds,
				agenda: `## ${m.meeting_followup_heading()}\n\n- ${followUp}\n`,
				previousActivityId: previous.id
			}
		}
	};
}

/** An empty form: called by the secretariat user's own organisation when there is one. */
export function newMeetingDraft(user: Actor): MeetingFormValues {
	return {
		ownerId: user.memberships[0]?.organisationId ?? '',
		visibility: 'alliance',
		invited: []
	};
}

export interface MeetingFormOptions {
	organisations: OrganisationChoice[];
}

/** Every organisation may call or be invited; only the secretariat sees the form. */
export async function loadMeetingFormOptions(
	db: Kysely<DB>,
	user: Actor | null
): Promise<MeetingFormOptions | null> {
	if (!canCreateMeeting(user)) return null;
	return { organisations: await listOrganisationChoices(db) };
}
