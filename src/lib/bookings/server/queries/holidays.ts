import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';

/** The school holidays of the school's municipality that overlap the span, in date order. */
export function listSchoolHolidaysDuring(
	db: Kysely<DB>,
	span: { schoolId: string; startDate: string; endDate: string }
) {
	return db
		.selectFrom('schoolHoliday')
		.innerJoin('organisation as school', 'school.municipalityId', 'schoolHoliday.municipalityId')
		.select(['schoolHoliday.name', 'schoolHoliday.startDate', 'schoolHoliday.endDate'])
		.where('school.id', '=', span.schoolId)
		.where('schoolHoliday.startDate', '<=', span.endDate)
		.where('schoolHoliday.endDate', '>=', span.startDate)
		.orderBy('schoolHoliday.startDate')
		.execute();
}
