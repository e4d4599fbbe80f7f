import { describe, expect, it } from 'vitest';
import { cohortGrade, countDuty, gradeOfClass, sumDuty, type DutyPlacement } from './duty';

const SCHOOLS = [
	{ id: 's1', name: 'Løsning Skole', municipalityId: 'm1', municipalityName: 'Hedensted Kommune' },
	{ id: 's2', name: 'Tørring Skole', municipalityId: 'm1', municipalityName: 'Hedensted Kommune' },
	{ id: 's3', name: 'Parkvejskolen', municipalityId: 'm2', municipalityName: 'Odder Kommune' }
];
const week = (start: string, end: string) => ({ startDate: start, endDate: end });
const TODAY = '2026-12-06';

describe('allocation/duty', () => {
	describe('gradeOfClass', () => {
		it('reads the grade the class label starts with', () => {
			expect(gradeOfClass('8.B', [8, 9])).toBe(8);
			expect(gradeOfClass(' 9x', [8, 9])).toBe(9);
			expect(gradeOfClass('10.A', [8, 9])).toBe(10);
		});
		it("takes the offer's one duty grade when the label has no number, else none", () => {
			expect(gradeOfClass('Valghold', [6, 7])).toBe(7);
			expect(gradeOfClass('Valghold', [8, 9])).toBeNull();
			expect(gradeOfClass('123', [8])).toBe(8);
		});
	});

	describe('cohortGrade', () => {
		it('moves a class up one grade a year', () => {
			expect(cohortGrade({ grade: 8, startDate: '2026-02-01' }, '2026/27')).toBe(9);
			expect(cohortGrade({ grade: 8, startDate: '2027-02-01' }, '2026/27')).toBe(8);
			expect(cohortGrade({ grade: 8, startDate: '2027-09-01' }, '2026/27')).toBe(7);
		});
		it('leaves out placements outside grades 7–9, then or now', () => {
			expect(cohortGrade({ grade: 9, startDate: '2026-02-01' }, '2026/27')).toBeNull();
			expect(cohortGrade({ grade: 7, startDate: '2027-09-01' }, '2026/27')).toBeNull();
			expect(cohortGrade({ grade: 6, startDate: '2026-02-01' }, '2026/27')).toBeNull();
		});
	});

	describe('countDuty', () => {
		const placements: DutyPlacement[] = [
			// Had: week 45 of 2026 is over by 6 December.
			{ schoolId: 's1', grade: 8, pupils: 2, ...week('2026-11-02', '2026-11-06') },
			// Placed: week 5 of 2027, and one allocated pupil in week 6.
			{ schoolId: 's1', grade: 8, pupils: 3, ...week('2027-02-01', '2027-02-05') },
			{ schoolId: 's1', grade: 8, pupils: 1, ...week('2027-02-08', '2027-02-12') },
			// Last year's 8th graders are this year's 9th graders: had.
			{ schoolId: 's1', grade: 8, pupils: 4, ...week('2026-02-02', '2026-02-06') },
			// A surplus in grade 9 of s2 does not hide its missing 7th graders.
			{ schoolId: 's2', grade: 9, pupils: 30, ...week('2027-03-01', '2027-03-05') },
			// Ends today: still placed, not had.
			{ schoolId: 's3', grade: 7, pupils: 1, ...week('2026-12-02', TODAY) }
		];
		const overview = countDuty({
			schoolYear: '2026/27',
			today: TODAY,
			schools: SCHOOLS,
			pupilCounts: [
				{ schoolId: 's1', grade: 8, pupils: 10 },
				{ schoolId: 's1', grade: 9, pupils: 5 },
				{ schoolId: 's2', grade: 7, pupils: 20 },
				{ schoolId: 's2', grade: 9, pupils: 25 }
			],
			placements
		});
		const school = (id: string) => overview.schools.find((s) => s.id === id)!;

		it('counts past weeks as had, upcoming weeks as placed, and the rest as missing', () => {
			expect(school('s1')).toMatchObject({ pupils: 15, had: 6, placed: 4, missing: 5 });
			expect(school('s1').grades).toEqual([
				{ grade: 7, pupils: null, had: 0, placed: 0, missing: null },
				{ grade: 8, pupils: 10, had: 2, placed: 4, missing: 4 },
				{ grade: 9, pupils: 5, had: 4, placed: 0, missing: 1 }
			]);
		});
		it('never counts missing below zero, and counts it per grade', () => {
			expect(school('s2')).toMatchObject({ pupils: 45, had: 0, placed: 30, missing: 20 });
		});
		it('shows placements of a school that stated no pupils, with pupils and missing unknown', () => {
			expect(school('s3')).toMatchObject({ pupils: null, had: 0, placed: 1, missing: null });
		});
		it('adds up schools per municipality and in all', () => {
			expect(
				overview.municipalities.map((m) => [m.name, m.pupils, m.had, m.placed, m.missing])
			).toEqual([
				['Hedensted Kommune', 60, 6, 34, 25],
				['Odder Kommune', null, 0, 1, null]
			]);
			expect(overview.total).toEqual({ pupils: 60, had: 6, placed: 35, missing: 25 });
		});
	});

	describe('sumDuty', () => {
		it('is empty-safe', () => {
			expect(sumDuty([])).toEqual({ pupils: null, had: 0, placed: 0, missing: null });
		});
	});
});
