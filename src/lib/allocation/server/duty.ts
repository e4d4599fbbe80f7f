import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import type { IsoDate } from '$lib/platform/dates/iso';
import {
	formatSchoolYear,
	parseSchoolYear,
	schoolYearRange
} from '$lib/platform/dates/school-year';
import { refuse, success, type Result } from '$lib/platform/server/http/result';
import { recordAudit } from '$lib/audit/server';
import {
	countDuty,
	DUTY_GRADES,
	gradeOfClass,
	sumDuty,
	type DutyOverview,
	type DutyPlacement
} from '../duty';
import type { Actor } from '$lib/auth';
import { canStatePupils, canViewDuty, dutyScope } from './policy';
import * as q from './queries';

// The erhvervspraktik duty as each user may see it (policy.ts: dutyScope), the school's stated
// number of pupils, and the figures the report prints. The counting itself is duty.ts.

type Scope = { schoolIds: string[]; municipalityIds: string[] } | null;

export interface DutyPage extends DutyOverview {
	/** Schools whose pupils this user may state, with the numbers stated so far. */
	editable: { id: string; name: string; grades: Record<string, number | null> }[];
	/** The secretariat and municipalities see totals per municipality too. */
	showMunicipalities: boolean;
}

/** '2026/27' when well-formed and within reason, else null. */
export function dutySchoolYear(label: string): string | null {
	const start = parseSchoolYear(label);
	return start !== null && start >= 2000 && start <= 2100 ? formatSchoolYear(start) : null;
}

async function overview(
	db: Kysely<DB>,
	scope: Scope,
	schoolYear: string,
	today: IsoDate
): Promise<DutyOverview> {
	const schools = await q.selectDutySchools(db, scope);
	const ids = schools.map((s) => s.id);
	// A class is in grade 7–9 for three years: weeks two years either side can count.
	const start = parseSchoolYear(schoolYear)!;
	const from = schoolYearRange(formatSchoolYear(start - 2)).start;
	const to = schoolYearRange(formatSchoolYear(start + 2)).end;
	const placements: DutyPlacement[] = [];
	for (const b of await q.selectDutyBookings(db, ids, from, to)) {
		const grade = gradeOfClass(b.classLabel, b.gradeLevels);
		if (grade === null) continue;
		placements.push({
			schoolId: b.schoolId,
			grade,
			pupils: b.seats,
			startDate: b.startDate,
			endDate: b.endDate
		});
	}
	for (const p of await q.selectDutyAllocations(db, ids, from, to)) {
		const own = p.ownPlace || p.placeStart === null;
		placements.push({
			schoolId: p.schoolId,
			grade: p.grade,
			pupils: 1,
			startDate: own ? p.roundStart : p.placeStart!,
			endDate: own ? p.roundEnd : p.placeEnd!
		});
	}
	return countDuty({
		schoolYear,
		today,
		schools,
		pupilCounts: await q.selectPupilCounts(db, schoolYear, ids),
		placements
	});
}

/** The duty page and the dashboards: the schools the user may see, or null (not for this user). */
export async function loadDuty(
	db: Kysely<DB>,
	user: Actor | null,
	input: { schoolYear: string; today: IsoDate }
): Promise<DutyPage | null> {
	if (!canViewDuty(user)) return null;
	const scope = dutyScope(user);
	const result = await overview(db, scope, input.schoolYear, input.today);
	const editable = result.schools
		.filter((s) => scope !== null && scope.schoolIds.includes(s.id) && canStatePupils(user, s.id))
		.map((s) => ({
			id: s.id,
			name: s.name,
			grades: Object.fromEntries(s.grades.map((g) => [String(g.grade), g.pupils]))
		}));
	return {
		...result,
		editable,
		showMunicipalities: scope === null || scope.municipalityIds.length > 0
	};
}

/**
 * The report's figures: totals for every municipality in the filter (aggregates, as the report's
 * other tables), and school by school only the schools the reader may see on the duty page.
 */
export async function dutyReport(
	db: Kysely<DB>,
	user: Actor | null,
	input: { schoolYear: string; today: IsoDate; municipalityId: string | null }
): Promise<DutyOverview> {
	const scope: Scope = input.municipalityId
		? { schoolIds: [], municipalityIds: [input.municipalityId] }
		: null;
	const result = await overview(db, scope, input.schoolYear, input.today);
	const visible = dutyScope(user);
	const schools =
		visible === null
			? result.schools
			: result.schools.filter(
					(s) =>
						visible.schoolIds.includes(s.id) ||
						visible.municipalityIds.includes(s.municipalityId ?? '')
				);
	return { ...result, schools, total: sumDuty(result.municipalities) };
}

export interface PupilCountInput {
	schoolId: string;
	schoolYear: string;
	grade7: number;
	grade8: number;
	grade9: number;
}

/** A school states its pupils in grades 7–9 for a school year (replacing what it stated before). */
export async function savePupilCounts(
	db: Kysely<DB>,
	user: Actor | null,
	input: PupilCountInput
): Promise<Result<null>> {
	const schoolYear = dutySchoolYear(input.schoolYear);
	if (schoolYear === null) {
		return refuse(400, m.duty_err_year(), { schoolYear: m.duty_err_year() });
	}
	const [school] = await q.selectDutySchools(db, {
		schoolIds: [input.schoolId],
		municipalityIds: []
	});
	if (!school || !canStatePupils(user, school.id)) return refuse(404, m.duty_err_not_found());
	const pupils = { 7: input.grade7, 8: input.grade8, 9: input.grade9 } as Record<number, number>;
	await db.transaction().execute(async (trx) => {
		await q.upsertPupilCounts(
			trx,
			DUTY_GRADES.map((grade) => ({
				schoolId: school.id,
				schoolYear,
				grade,
				pupils: pupils[grade],
				updatedBy: user!.id
			}))
		);
		await recordAudit(trx, {
			actorId: user!.id,
			organisationId: school.id,
			action: 'update',
			entityType: 'school_pupil_count',
			entityId: school.id,
			summary: `Elevtal ${schoolYear} for ${school.name}: 7. kl. ${input.grade7}, 8. kl. ${input.grade8}, 9. kl. ${input.grade9}`
		});
	});
	return success(null);
}
