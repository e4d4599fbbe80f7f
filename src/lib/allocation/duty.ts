import type { IsoDate } from '$lib/platform/dates/iso';
import { parseSchoolYear, schoolYearOf } from '$lib/platform/dates/school-year';

// The erhvervspraktik duty: every pupil has five days (one week) of erhvervspraktik in grade 7, 8
// or 9. Pure counting, no I/O: which pupils of a school year HAVE HAD their week, which are PLACED
// in an upcoming week, and how many are still MISSING one. docs/ALLOCATION.md states the rule.

export const DUTY_GRADES = [7, 8, 9] as const;

/** A school's stated number of pupils in one grade of the school year. */
export interface DutyPupilCount {
	schoolId: string;
	grade: number;
	pupils: number;
}

/** Pupils placed in one erhvervspraktik week: a confirmed booking's seats or one allocated pupil. */
export interface DutyPlacement {
	schoolId: string;
	/** The pupils' grade in the week's own school year. */
	grade: number;
	pupils: number;
	startDate: IsoDate;
	endDate: IsoDate;
}

export interface DutyFigures {
	/** Pupils in grades 7–9 as the school stated them; null when it has stated none. */
	pupils: number | null;
	had: number;
	placed: number;
	/** Pupils − had − placed per grade, never negative; null when no pupils are stated. */
	missing: number | null;
}

export interface DutySchool {
	id: string;
	name: string;
	municipalityId: string | null;
	municipalityName: string | null;
}

export interface DutyRow extends DutyFigures {
	id: string;
	name: string;
	municipalityId: string | null;
	municipalityName: string | null;
	/** The same figures per grade (7, 8, 9). */
	grades: (DutyFigures & { grade: number })[];
}

export interface DutyOverview {
	schoolYear: string;
	schools: DutyRow[];
	municipalities: DutyRow[];
	total: DutyFigures;
}

const isDutyGrade = (grade: number) => grade >= 7 && grade <= 9;

/**
 * The grade of a booked class: the number its label starts with ('8.B', '9 x', '7a'); a label
 * without one takes the offer's grade when the offer takes exactly one of grades 7–9. Otherwise
 * null: the seats are not counted for any grade.
 */
export function gradeOfClass(classLabel: string, gradeLevels: readonly number[]): number | null {
	const match = /^\s*(\d{1,2})(?!\d)/.exec(classLabel);
	if (match) return Number(match[1]);
	const duty = gradeLevels.filter(isDutyGrade);
	return duty.length === 1 ? duty[0] : null;
}

/**
 * The grade in `schoolYear` of the pupils of a placement: a class moves up one grade a year, so
 * 8th graders placed in 2025/26 are this year's (2026/27) 9th graders, and 7th graders placed next
 * year are this year's 6th graders (outside the duty). Null when the placement itself or the
 * pupils' grade this year lies outside grades 7–9.
 */
export function cohortGrade(
	placement: Pick<DutyPlacement, 'grade' | 'startDate'>,
	schoolYear: string
): number | null {
	const year = parseSchoolYear(schoolYear);
	const placedYear = parseSchoolYear(schoolYearOf(placement.startDate));
	if (year === null || placedYear === null) throw new Error(`Not a school year: ${schoolYear}`);
	if (!isDutyGrade(placement.grade)) return null;
	const grade = placement.grade - (placedYear - year);
	return isDutyGrade(grade) ? grade : null;
}

function figuresOf(stated: number | undefined, had: number, placed: number): DutyFigures {
	return {
		pupils: stated ?? null,
		had,
		placed,
		missing: stated === undefined ? null : Math.max(0, stated - had - placed)
	};
}

/** Sums rows: pupils and missing stay null only when every row's is null. */
export function sumDuty(rows: readonly DutyFigures[]): DutyFigures {
	const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
	return rows.reduce<DutyFigures>(
		(total, r) => ({
			pupils: add(total.pupils, r.pupils),
			had: total.had + r.had,
			placed: total.placed + r.placed,
			missing: add(total.missing, r.missing)
		}),
		{ pupils: null, had: 0, placed: 0, missing: null }
	);
}

/**
 * The duty of each school in a school year, the totals of each municipality and of all. A week
 * that ended before `today` is had; one that ends on or after it is placed. Missing is counted per
 * grade, so a surplus in one grade never hides pupils missing in another.
 */
export function countDuty(input: {
	schoolYear: string;
	today: IsoDate;
	schools: readonly DutySchool[];
	pupilCounts: readonly DutyPupilCount[];
	placements: readonly DutyPlacement[];
}): DutyOverview {
	const key = (schoolId: string, grade: number) => `${schoolId}:${grade}`;
	const stated = new Map(input.pupilCounts.map((c) => [key(c.schoolId, c.grade), c.pupils]));
	const had = new Map<string, number>();
	const placed = new Map<string, number>();
	for (const p of input.placements) {
		const grade = cohortGrade(p, input.schoolYear);
		if (grade === null || p.pupils <= 0) continue;
		const into = p.endDate < input.today ? had : placed;
		const k = key(p.schoolId, grade);
		into.set(k, (into.get(k) ?? 0) + p.pupils);
	}
	const schools: DutyRow[] = input.schools.map((school) => {
		const grades = DUTY_GRADES.map((grade) => {
			const k = key(school.id, grade);
			return { grade, ...figuresOf(stated.get(k), had.get(k) ?? 0, placed.get(k) ?? 0) };
		});
		return {
			id: school.id,
			name: school.name,
			municipalityId: school.municipalityId,
			municipalityName: school.municipalityName,
			...sumDuty(grades),
			grades
		};
	});
	const byMunicipality = new Map<string, { school: DutySchool; rows: DutyRow[] }>();
	input.schools.forEach((school, i) => {
		const id = school.municipalityId ?? '';
		const entry = byMunicipality.get(id) ?? { school, rows: [] };
		entry.rows.push(schools[i]);
		byMunicipality.set(id, entry);
	});
	const municipalities: DutyRow[] = [...byMunicipality.entries()]
		.map(([id, { school, rows }]) => ({
			id,
			name: school.municipalityName ?? '',
			municipalityId: school.municipalityId,
			municipalityName: school.municipalityName,
			...sumDuty(rows),
			grades: DUTY_GRADES.map((grade) => ({
				grade,
				...sumDuty(rows.map((r) => r.grades.find((g) => g.grade === grade)!))
			}))
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'da'));
	return { schoolYear: input.schoolYear, schools, municipalities, total: sumDuty(schools) };
}
