import { describe, expect, it } from 'vitest';
import {
	formatMoment,
	isSkippedLocalTime,
	localTimeInstant,
	resolveLocalTime,
	zoneOffsetMinutes
} from './local-time';

describe('platform/dates/local-time', () => {
	describe('zoneOffsetMinutes', () => {
		it('is +60 in winter and +120 in summer in Copenhagen', () => {
			expect(zoneOffsetMinutes(Date.parse('2027-01-15T12:00:00Z'))).toBe(60);
			expect(zoneOffsetMinutes(Date.parse('2027-07-15T12:00:00Z'))).toBe(120);
		});
	});

	describe('resolveLocalTime', () => {
		it('finds the spring gap: 02:00–02:59 on 28 March 2027 never happens', () => {
			expect(resolveLocalTime('2027-03-28', '02:30')).toEqual({ kind: 'gap' });
			expect(resolveLocalTime('2027-03-28', '02:00')).toEqual({ kind: 'gap' });
			expect(resolveLocalTime('2027-03-28', '02:59')).toEqual({ kind: 'gap' });
			expect(resolveLocalTime('2027-03-28', '01:59')).toEqual({
				kind: 'exists',
				instant: new Date('2027-03-28T00:59:00Z')
			});
			expect(resolveLocalTime('2027-03-28', '03:00')).toEqual({
				kind: 'exists',
				instant: new Date('2027-03-28T01:00:00Z')
			});
			// The same time the day before exists.
			expect(resolveLocalTime('2027-03-27', '02:30').kind).toBe('exists');
		});

		it('pins the repeated autumn hour to its first occurrence (summer time)', () => {
			expect(resolveLocalTime('2026-10-25', '02:30')).toEqual({
				kind: 'repeated',
				instant: new Date('2026-10-25T00:30:00Z'),
				later: new Date('2026-10-25T01:30:00Z')
			});
			expect(resolveLocalTime('2026-10-25', '03:00')).toEqual({
				kind: 'exists',
				instant: new Date('2026-10-25T02:00:00Z')
			});
			expect(resolveLocalTime('2026-10-25', '01:59').kind).toBe('exists');
		});

		it('works in another zone too (New York skips 02:00–02:59 on 14 March 2027)', () => {
			expect(resolveLocalTime('2027-03-14', '02:30', 'America/New_York')).toEqual({ kind: 'gap' });
			expect(resolveLocalTime('2027-11-07', '01:30', 'America/New_York')).toMatchObject({
				kind: 'repeated',
				instant: new Date('2027-11-07T05:30:00Z')
			});
		});
	});

	describe('isSkippedLocalTime / localTimeInstant', () => {
		it('answers for the gap and for ordinary times', () => {
			expect(isSkippedLocalTime('2027-03-28', '02:30')).toBe(true);
			expect(isSkippedLocalTime('2027-03-28', '10:00')).toBe(false);
			expect(localTimeInstant('2027-03-28', '02:30')).toBeNull();
			expect(localTimeInstant('2027-06-01', '10:00')).toEqual(new Date('2027-06-01T08:00:00Z'));
		});
	});

	describe('formatMoment', () => {
		it("shows Copenhagen's clock, summer and winter, in the reader's language", () => {
			const summer = formatMoment('2027-06-01T08:00:00Z', 'en', { date: 'long', time: 'short' });
			expect(summer).toContain('1 June 2027');
			expect(summer).toContain('10:00');
			const winter = formatMoment(new Date('2027-01-15T12:00:00Z'), 'da');
			expect(winter).toContain('15. jan. 2027');
			expect(winter).toContain('13.00');
		});
	});
});
