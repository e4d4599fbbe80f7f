import { describe, expect, it } from 'vitest';
import { planSeriesSync } from '../../src/lib/activities/server/series-plan';

const occ = (start: string) => ({ start, end: start, occurrenceKey: start });
const row = (id: string, key: string, detached = false) => ({ id, occurrenceKey: key, detached });

describe('activity-series-plan', () => {
	describe('planSeriesSync', () => {
		it('keeps rows whose date the new rule still produces; a dropped first date is deleted', () => {
			// Starting a week later: 11 January stays the same event, 18 January is a new one.
			const plan = planSeriesSync(
				[row('a', '2027-01-04'), row('b', '2027-01-11')],
				['2027-01-04', '2027-01-11'],
				[occ('2027-01-11'), occ('2027-01-18')]
			);
			expect(plan).toEqual({
				update: [{ id: 'b', occurrence: occ('2027-01-11') }],
				insert: [occ('2027-01-18')],
				delete: ['a']
			});
		});

		it('moves rows by position and lets a detached row stand for its position', () => {
			const plan = planSeriesSync(
				[row('a', '2027-02-08'), row('b', '2028-02-07', true), row('c', '2029-02-05')],
				['2027-02-08', '2028-02-07', '2029-02-05'],
				[occ('2027-02-15'), occ('2028-02-14'), occ('2029-02-12'), occ('2030-02-11')]
			);
			expect(plan.update.map((u) => [u.id, u.occurrence.start])).toEqual([
				['a', '2027-02-15'],
				['c', '2029-02-12']
			]);
			expect(plan.insert).toEqual([occ('2030-02-11')]);
			expect(plan.delete).toEqual([]);
		});

		it('deletes attached rows beyond the new end but never a detached one', () => {
			const plan = planSeriesSync(
				[row('a', '2027-02-08'), row('b', '2028-02-07'), row('c', '2029-02-05', true)],
				['2027-02-08', '2028-02-07', '2029-02-05'],
				[occ('2027-02-08')]
			);
			expect(plan).toEqual({
				update: [{ id: 'a', occurrence: occ('2027-02-08') }],
				insert: [],
				delete: ['b']
			});
		});

		it('does not move a row that keeps its own date elsewhere in the new series', () => {
			// Starting one week earlier: every old date is still produced, one position later.
			const plan = planSeriesSync(
				[row('a', '2027-01-11'), row('b', '2027-01-18')],
				['2027-01-11', '2027-01-18'],
				[occ('2027-01-04'), occ('2027-01-11'), occ('2027-01-18')]
			);
			expect(plan.update.map((u) => [u.id, u.occurrence.start])).toEqual([
				['a', '2027-01-11'],
				['b', '2027-01-18']
			]);
			expect(plan.insert).toEqual([occ('2027-01-04')]);
		});
	});
});
