import type { Transaction } from 'kysely';
import { schoolYearOf } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import { isYearClosed } from './queries';

// Writes that put free text on a booking (the provider's answer, a cancellation's reason) must
// not reach a school year whose personal data has been deleted (close.ts). A booking
// belongs to the school year in which its offer's activity starts.

/**
 * The closed school year the activity's start date falls in, or null when that year is open.
 * One primary-key lookup; call it in the writing transaction after taking the offer lock, which
 * closing takes too, so a close committed meanwhile is seen.
 */
export async function closedSchoolYearOf(
	trx: Transaction<DB>,
	activityStartDate: string
): Promise<string | null> {
	const year = schoolYearOf(activityStartDate);
	return (await isYearClosed(trx, year)) ? year : null;
}
