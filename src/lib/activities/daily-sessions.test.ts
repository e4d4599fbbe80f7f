import { describe, expect, it } from 'vitest';
import { activitySessions, copenhagenInstant, hasDailyTimes } from './daily-sessions';

const hours = (s: { startsAt: Date; endsAt: Date }) =>
	(s.endsAt.getTime() - s.startsAt.getTime()) / 3_600_000;

/** The daily sessions from `startDate` to `endDate`, as their UTC starts and lengths in hours. */
function daily(startDate: string, endDate: string, startTime: string, endTime: string) {
	const sessions = activitySessions({ startDate, endDate, startTime, endTime });
	return { starts: sessions.map((s) => s.startsAt.toISOString()), hours: sessions.map(hours) };
}

describe('daily-sessions', () => {
	describe('hasDailyTimes', () => {
		it('reads times on a multi-day activity as the hours of each day', () => {
			expect(
				hasDailyTimes({
					startDate: '2027-03-01',
					endDate: '2027-03-03',
					startTime: '09:00',
					endTime: '12:00'
				})
			).toBe(true);
		});

		it('is false for one day, for all-day spans and for a stretch across nights', () => {
			const base = { startDate: '2027-03-01', endDate: '2027-03-01' };
			expect(hasDailyTimes({ ...base, startTime: '09:00', endTime: '12:00' })).toBe(false);
			expect(
				hasDailyTimes({ ...base, endDate: '2027-03-03', startTime: null, endTime: null })
			).toBe(false);
			expect(
				hasDailyTimes({ ...base, endDate: '2027-03-03', startTime: '16:00', endTime: '12:00' })
			).toBe(false);
		});
	});

	describe('activitySessions', () => {
		it('gives a course on three mornings three sessions of three hours, not one of 51', () => {
			const sessions = activitySessions({
				startDate: '2027-03-01',
				endDate: '2027-03-03',
				startTime: '09:00:00',
				endTime: '12:00:00'
			});
			expect(sessions.map((s) => [s.startDate, s.endDate, s.startTime, s.endTime])).toEqual([
				['2027-03-01', '2027-03-01', '09:00:00', '12:00:00'],
				['2027-03-02', '2027-03-02', '09:00:00', '12:00:00'],
				['2027-03-03', '2027-03-03', '09:00:00', '12:00:00']
			]);
			expect(sessions.map(hours)).toEqual([3, 3, 3]);
			// 09:00 in Copenhagen in winter is 08:00 UTC.
			expect(sessions[0].startsAt.toISOString()).toBe('2027-03-01T08:00:00.000Z');
		});

		it('keeps the wall-clock hours across the spring change (last Sunday of March)', () => {
			// 2027-03-28: clocks go from 02:00 to 03:00. The night of the change is an hour shorter.
			expect(daily('2027-03-27', '2027-03-29', '01:00', '04:00')).toEqual({
				starts: [
					'2027-03-27T00:00:00.000Z',
					'2027-03-28T00:00:00.000Z',
					'2027-03-28T23:00:00.000Z'
				],
				hours: [3, 2, 3]
			});
		});

		it('keeps the wall-clock hours across the autumn change (last Sunday of October)', () => {
			// 2027-10-31: clocks go from 03:00 back to 02:00.
			expect(daily('2027-10-30', '2027-11-01', '09:00', '12:00')).toEqual({
				starts: [
					'2027-10-30T07:00:00.000Z',
					'2027-10-31T08:00:00.000Z',
					'2027-11-01T08:00:00.000Z'
				],
				hours: [3, 3, 3]
			});
			expect(daily('2027-10-30', '2027-10-31', '01:00', '04:00').hours).toEqual([3, 4]);
		});

		it('keeps an all-day span and a stretch across nights as one session', () => {
			const span = activitySessions({
				startDate: '2027-03-27',
				endDate: '2027-03-28',
				startTime: null,
				endTime: null
			});
			expect(span).toHaveLength(1);
			expect(span[0]).toMatchObject({ startTime: null, endTime: null, endDate: '2027-03-28' });
			// Two Copenhagen days, one of them 23 hours long.
			expect(hours(span[0])).toBe(47);
			const camp = activitySessions({
				startDate: '2027-05-07',
				endDate: '2027-05-09',
				startTime: '16:00',
				endTime: '12:00'
			});
			expect(camp).toHaveLength(1);
			expect(hours(camp[0])).toBe(44);
		});
	});

	describe('copenhagenInstant', () => {
		it('does not depend on the server zone', () => {
			expect(copenhagenInstant('2027-07-01', '10:00').toISOString()).toBe(
				'2027-07-01T08:00:00.000Z'
			);
		});
	});
});
