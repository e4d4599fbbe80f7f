import { describe, expect, it } from 'vitest';
import { eventTimes, foldLine, nextDay, renderCalendar } from './ical';

describe('feed-ical', () => {
	describe('renderCalendar', () => {
		it('writes the calendar’s own properties before the VTIMEZONE (RFC 5545 3.6)', () => {
			const text = renderCalendar({ name: 'Årshjul – Test', events: [] });
			const zone = text.indexOf('BEGIN:VTIMEZONE');
			expect(zone).toBeGreaterThan(0);
			const body = text.slice(text.indexOf('BEGIN:VCALENDAR'), text.indexOf('END:VCALENDAR'));
			const lines = body.split('\r\n').filter((l) => l && !l.startsWith(' '));
			const firstComponent = lines.findIndex((l, i) => i > 0 && l.startsWith('BEGIN:'));
			const afterComponents = lines
				.slice(firstComponent)
				.filter((l) => !/^(BEGIN|END):/.test(l) && !isComponentLine(l));
			expect(afterComponents).toEqual([]);
			expect(text.indexOf('X-WR-CALNAME')).toBeLessThan(zone);
			expect(text.endsWith('END:VTIMEZONE\r\nEND:VCALENDAR\r\n')).toBe(true);
		});
	});

	describe('foldLine', () => {
		it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
			for (const text of [
				'a'.repeat(300),
				'æøå'.repeat(100),
				'x😀ø'.repeat(60),
				'ab' + '€'.repeat(80)
			]) {
				const line = `SUMMARY:${text}`;
				const folded = foldLine(line);
				const physical = folded.split('\r\n');
				expect(physical.length).toBeGreaterThan(1);
				for (const part of physical) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
				expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
				expect(folded.replace(/\r\n /g, '')).toBe(line);
				expect(folded).not.toContain('\uFFFD');
			}
		});

		it('leaves a short line alone', () => {
			expect(foldLine('SUMMARY:Kort')).toBe('SUMMARY:Kort');
			expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
		});
	});

	describe('eventTimes', () => {
		const base = { startDate: '2027-02-08', endDate: '2027-02-12', startTime: null, endTime: null };

		it('ends an all-day span on the day after its last day', () => {
			const { allDay, start, end } = eventTimes(base);
			expect(allDay).toBe(true);
			expect([start.year, start.month, start.day]).toEqual([2027, 2, 8]);
			expect([end.year, end.month, end.day]).toEqual([2027, 2, 13]);
			expect(nextDay('2026-12-31')).toBe('2027-01-01');
		});

		it('gives a timed event without a sensible end one hour', () => {
			const t = eventTimes({
				...base,
				endDate: '2027-02-08',
				startTime: '23:30:00',
				endTime: null
			});
			expect([t.end.day, t.end.hour, t.end.minute]).toEqual([9, 0, 30]);
			const u = eventTimes({
				...base,
				endDate: '2027-02-08',
				startTime: '10:00:00',
				endTime: '09:00:00'
			});
			expect([u.end.hour, u.end.minute]).toEqual([11, 0]);
		});
	});
});

/** Lines that belong inside a VTIMEZONE (its STANDARD and DAYLIGHT parts). */
function isComponentLine(line: string): boolean {
	return /^(TZID|TZOFFSETFROM|TZOFFSETTO|TZNAME|DTSTART|RRULE|RDATE|X-LIC-LOCATION|LAST-MODIFIED|TZURL)[:;]/.test(
		line
	);
}
