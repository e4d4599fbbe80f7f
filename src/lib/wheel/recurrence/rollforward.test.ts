import { describe, expect, it } from 'vitest';
import { isoWeek } from '$lib/platform/dates/weeks';
import { weekday } from '$lib/platform/dates/iso';
import { rollForward, rollForwardSpan, rollTitleForward } from './rollforward';

describe('rollforward', () => {
	describe('rollForwardSpan', () => {
		it('keeps ISO week and weekday: Mon–Fri of uge 6 2027 becomes Mon–Fri of uge 6 2028', () => {
			expect(rollForwardSpan('2027-02-08', '2027-02-12')).toEqual({
				start: '2028-02-07',
				end: '2028-02-11',
				shiftDays: 364
			});
		});
		it('keeps week and weekday for every day of a school year', () => {
			for (const date of ['2026-08-03', '2026-10-14', '2027-03-31', '2027-07-30']) {
				const target = rollForwardSpan(date, date)!;
				expect(isoWeek(target.start).week).toBe(isoWeek(date).week);
				expect(weekday(target.start)).toBe(weekday(date));
				expect([364, 371]).toContain(target.shiftDays);
			}
		});
		it('shifts by 371 days after a year with uge 53', () => {
			expect(rollForwardSpan('2026-02-02', '2026-02-02')).toEqual({
				start: '2027-02-08',
				end: '2027-02-08',
				shiftDays: 371
			});
		});
		it('keeps the length of a span crossing New Year', () => {
			const target = rollForwardSpan('2027-12-22', '2028-01-02')!;
			expect(target).toEqual({ start: '2028-12-20', end: '2028-12-31', shiftDays: 364 });
		});
		it('returns null for uge 53 of 2026, since 2027 has none', () => {
			expect(rollForwardSpan('2026-12-28', '2026-12-30')).toBeNull();
			expect(rollForwardSpan('2027-01-01', '2027-01-01')).toBeNull();
		});
	});

	describe('rollForward', () => {
		it('reports a week53 conflict without a target', () => {
			const [result] = rollForward([{ id: 'jul', start: '2026-12-28', end: '2026-12-30' }]);
			expect(result.target).toBeNull();
			expect(result.conflicts).toEqual([{ kind: 'week53' }]);
		});
		it('reports the public holidays the target touches, by name', () => {
			// Mon–Thu of uge 12 2026 lands on Mon–Thu of uge 12 2027, which ends on Skærtorsdag.
			const [result] = rollForward([{ id: 'messe', start: '2026-03-16', end: '2026-03-19' }]);
			expect(result.target).toEqual({ start: '2027-03-22', end: '2027-03-25', shiftDays: 371 });
			expect(result.conflicts).toEqual([
				{ kind: 'publicHoliday', date: '2027-03-25', name: 'Skærtorsdag' }
			]);
		});
		it('does not report store bededag, which is no longer a holiday', () => {
			const [result] = rollForward([{ id: 'x', start: '2026-04-13', end: '2026-04-17' }]);
			expect(result.target).toMatchObject({ start: '2027-04-19', end: '2027-04-23' });
			expect(result.conflicts).toEqual([]);
		});
		it('reports overlaps with the school holidays passed in', () => {
			const vinterferie = { start: '2028-02-12', end: '2028-02-20', name: 'Vinterferie' };
			const efterarsferie = { start: '2027-10-16', end: '2027-10-24', name: 'Efterårsferie' };
			const [result] = rollForward([{ id: 'p', start: '2027-02-15', end: '2027-02-19' }], {
				schoolHolidays: [efterarsferie, vinterferie]
			});
			expect(result.target).toEqual({ start: '2028-02-14', end: '2028-02-18', shiftDays: 364 });
			expect(result.conflicts).toEqual([{ kind: 'schoolHoliday', ...vinterferie }]);
		});
		it('reports a target that falls out of the next school year', () => {
			const [result] = rollForward([{ id: 'start', start: '2025-08-01', end: '2025-08-01' }]);
			expect(result.target?.start).toBe('2026-07-31');
			expect(result.conflicts).toEqual([{ kind: 'outsideSchoolYear', schoolYear: '2025/26' }]);
		});
		it('keeps the id and the source of each item', () => {
			const results = rollForward([
				{ id: 'a', start: '2026-09-07', end: '2026-09-07' },
				{ id: 'b', start: '2026-11-02', end: '2026-11-06' }
			]);
			expect(results.map((r) => [r.id, r.source.start, r.conflicts.length])).toEqual([
				['a', '2026-09-07', 0],
				['b', '2026-11-02', 0]
			]);
		});
	});
});

describe('rollforward', () => {
	describe('rollTitleForward', () => {
		it('moves a year in a title on by one', () => {
			expect(rollTitleForward('Alliancemøde september 2026')).toBe('Alliancemøde september 2027');
			expect(rollTitleForward('2026: Kick-off')).toBe('2027: Kick-off');
		});

		it('moves a school year on by one, however it is written', () => {
			expect(rollTitleForward('Uddannelsesmesse 2026/27')).toBe('Uddannelsesmesse 2027/28');
			expect(rollTitleForward('Skoleåret 2026-2027')).toBe('Skoleåret 2027-2028');
			expect(rollTitleForward('Plan 2099/00')).toBe('Plan 2100/01');
			expect(rollTitleForward('Året 2026–27')).toBe('Året 2027–28');
		});

		it('leaves other numbers alone', () => {
			expect(rollTitleForward('Erhvervspraktik uge 44 for 8. klasse')).toBe(
				'Erhvervspraktik uge 44 for 8. klasse'
			);
			expect(rollTitleForward('Jubilæum 100 år, lokale 12026')).toBe(
				'Jubilæum 100 år, lokale 12026'
			);
		});
	});
});
