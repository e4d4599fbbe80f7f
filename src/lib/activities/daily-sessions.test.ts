import { describe, expect, it } from 'vitest';
import { activitySessions, copenhagenInstant, hasDailyTimes } from './daily-sessions';

const hours = (s: { startsAt: Date; endsAt: Date }) =>
	(s.endsAt.getTime() - s.startsAt.getTime()) / 3_600_000;

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
			// 2027-03-28: clocks go from 02:00 to 03:00.
			const sessions = activitySessions({
				startDate: '2027-03-27',
				endDate: '2027-03-29',
				startTime: '01:00',
				endTime: '04:00'
			});
			expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
				'2027-03-27T00:00:00.000Z',
				'2027-03-28T00:00:00.000Z',
				'2027-03-28T23:00:00.000Z'
			]);
			// The night of the change is an hour shorter; the other two are three hours.
			expect(sessions.map(hours)).toEqual([3, 2, 3]);
		});

		it('keeps the wall-clock hours across the autumn change (last Sunday of October)', () => {
			// 2027-10-31: clocks go from 03:00 back to 02:00.
			const sessions = activitySessions({
				startDate: '2027-10-30',
				endDate: '2027-11-01',
				startTime: '09:00',
				endTime: '12:00'
			});
			expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
				'2027-10-30T07:00:00.000Z',
				'2027-10-31T08:00:00.000Z',
				'2027-11-01T08:00:00.000Z'
			]);
			expect(sessions.map(hours)).toEqual([3, 3, 3]);
			const night = activitySessions({
				startDate: '2027-10-30',
				endDate: '2027-10-31',
				startTime: '01:00',
				endTime: '04:00'
			});
			expect(night.map(hours)).toEqual([3, 4]);
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
