import type { Kysely } from 'kysely';
import { copenhagenToday, minDate } from '$lib/platform/dates/iso';
import { schoolYearRange, type SchoolYearLabel } from '$lib/platform/dates/school-year';
import type { Actor } from '$lib/auth';
import type { DB } from '$lib/platform/server/db/schema';
import { hasActivityEnded } from './policy';
import { listUnevaluatedParticipations } from './queries';

export interface LackingActivity {
	id: string;
	title: string;
	startDate: string;
	endDate: string;
	ownerName: string;
	/** The organisations (of this user, or all for the secretariat) that have not evaluated. */
	missing: { id: string; name: string }[];
}

/**
 * Ended, not cancelled activities of the school year where one of the user's organisations takes
 * part and has not evaluated yet; for the secretariat every such activity and organisation.
 * Taking part makes an activity visible (visibilityFilter), so no further visibility check.
 */
export async function listActivitiesLackingEvaluation(
	db: Kysely<DB>,
	user: Actor,
	options: { schoolYear: SchoolYearLabel; now?: Date }
): Promise<LackingActivity[]> {
	const now = options.now ?? new Date();
	const range = schoolYearRange(options.schoolYear);
	const upTo = minDate(range.end, copenhagenToday(now));
	const orgIds = user.memberships.map((ms) => ms.organisationId);
	if (upTo < range.start || (!user.isSecretariat && orgIds.length === 0)) return [];
	const rows = await listUnevaluatedParticipations(
		db,
		{ from: range.start, upTo },
		user.isSecretariat ? null : orgIds
	);
	const byActivity = new Map<string, LackingActivity>();
	for (const r of rows) {
		// The SQL keeps whole days up to today; an activity that ends later today is not over yet.
		if (!hasActivityEnded(r, now)) continue;
		let item = byActivity.get(r.id);
		if (!item) {
			const { id, title, startDate, endDate, ownerName } = r;
			item = { id, title, startDate, endDate, ownerName, missing: [] };
			byActivity.set(r.id, item);
		}
		item.missing.push({ id: r.organisationId, name: r.organisationName });
	}
	return [...byActivity.values()];
}
