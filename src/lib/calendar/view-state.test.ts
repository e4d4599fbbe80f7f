import { describe, expect, it } from 'vitest';
import type { ActivityFilters } from '$lib/activities/filters';
import {
	calendarSearch,
	eventDateSpan,
	eventsUrl,
	holidaysUrl,
	parseCalendarDate,
	parseCalendarView,
	shiftPeriod,
	toLocalIsoDate,
	viewFromFullCalendar,
	visibleRange
} from './view-state';

const A = '0b6f6f0e-1111-4222-8333-444455556666';
const B = '1b6f6f0e-1111-4222-8333-444455556666';
const none: ActivityFilters = { categoryIds: [] };

describe('calendar/view-state', () => {
	describe('parseCalendarView', () => {
		it('accepts the four views and falls back to month', () => {
			expect(parseCalendarView('week')).toBe('week');
			expect(parseCalendarView('year')).toBe('year');
			expect(parseCalendarView('dayGridMonth')).toBe('month');
			expect(parseCalendarView(null)).toBe('month');
		});
	});

	describe('viewFromFullCalendar', () => {
		it('maps FullCalendar view types back to URL names', () => {
			expect(viewFromFullCalendar('timeGridWeek')).toBe('week');
			expect(viewFromFullCalendar('listMonth')).toBe('list');
			expect(viewFromFullCalendar('multiMonthSchoolYear')).toBe('year');
			// The calendar-year view is no longer offered.
			expect(viewFromFullCalendar('multiMonthYear')).toBe('month');
			expect(viewFromFullCalendar('timeGridDay')).toBe('month');
		});
	});

	describe('parseCalendarDate', () => {
		it('keeps a valid date and rejects impossible or far-off ones', () => {
			expect(parseCalendarDate('2027-02-01', '2026-11-27')).toBe('2027-02-01');
			expect(parseCalendarDate('2027-02-31', '2026-11-27')).toBe('2026-11-27');
			expect(parseCalendarDate('9999-01-01', '2026-11-27')).toBe('2026-11-27');
			expect(parseCalendarDate(undefined, '2026-11-27')).toBe('2026-11-27');
		});
	});

	describe('toLocalIsoDate', () => {
		it('uses the local calendar day, not the UTC one', () => {
			// Local midnight: in any zone east of UTC, toISOString would give the day before.
			expect(toLocalIsoDate(new Date(2027, 1, 8))).toBe('2027-02-08');
			expect(toLocalIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
		});
	});

	describe('eventDateSpan', () => {
		it('turns the exclusive all-day end into the last day', () => {
			expect(eventDateSpan(new Date(2027, 1, 8), new Date(2027, 1, 13), true)).toEqual({
				from: '2027-02-08',
				to: '2027-02-12'
			});
		});

		it('keeps a one-day or end-less event on its day', () => {
			expect(eventDateSpan(new Date(2027, 1, 8), new Date(2027, 1, 9), true).to).toBe('2027-02-08');
			expect(eventDateSpan(new Date(2027, 1, 8, 9), null, false).to).toBe('2027-02-08');
			expect(eventDateSpan(new Date(2027, 1, 8, 9), new Date(2027, 1, 8, 15), false).to).toBe(
				'2027-02-08'
			);
		});
	});

	describe('visibleRange', () => {
		it('gives the month, the ISO week and the school year around a date', () => {
			expect(visibleRange('month', '2028-02-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
			expect(visibleRange('list', '2027-02-15')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
			// 2027-01-01 is a Friday: its ISO week starts on Monday 28 December 2026.
			expect(visibleRange('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
			// The school year runs August to July.
			expect(visibleRange('year', '2027-06-30')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
			expect(visibleRange('year', '2027-08-01')).toEqual({ from: '2027-08-01', to: '2028-07-31' });
			expect(visibleRange('year', '2026-12-31')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
		});
	});

	describe('shiftPeriod', () => {
		it('steps whole months across New Year, weeks and school years', () => {
			expect(shiftPeriod('month', '2027-01-20', -1)).toBe('2026-12-01');
			expect(shiftPeriod('month', '2026-12-20', 1)).toBe('2027-01-01');
			expect(shiftPeriod('week', '2027-01-01', 1)).toBe('2027-01-04');
			expect(shiftPeriod('year', '2027-06-30', -1)).toBe('2025-08-01');
			expect(shiftPeriod('year', '2027-06-30', 1)).toBe('2027-08-01');
			expect(shiftPeriod('year', '2027-09-15', 1)).toBe('2028-08-01');
		});
	});

	describe('calendarSearch', () => {
		it('puts filters first and the position last', () => {
			const filters: ActivityFilters = { pillar: 'rekruttering', categoryIds: [A, B] };
			expect(calendarSearch(filters, { view: 'week', date: '2027-02-01' })).toBe(
				`?pillar=rekruttering&category=${A}&category=${B}&view=week&date=2027-02-01`
			);
		});

		it('is empty without filters and position', () => {
			expect(calendarSearch(none, {})).toBe('');
		});
	});

	describe('holidaysUrl', () => {
		it('asks for the filtered municipality, else for the default', () => {
			const M = '33333333-3333-4333-8333-333333333333';
			const chosen = new URL(
				holidaysUrl({ categoryIds: [A], municipalityId: M }, '2027-02-01', '2027-03-15'),
				'http://x'
			);
			expect(chosen.pathname).toBe('/api/holidays');
			expect(chosen.searchParams.get('municipality')).toBe(M);
			expect(chosen.searchParams.has('category')).toBe(false);
			const own = new URL(holidaysUrl(none, '2027-02-01', '2027-03-15'), 'http://x');
			expect(own.searchParams.has('municipality')).toBe(false);
			expect(own.searchParams.get('start')).toBe('2027-02-01');
		});
	});

	describe('eventsUrl', () => {
		it('repeats the category parameter instead of joining it', () => {
			const url = new URL(
				eventsUrl({ categoryIds: [A, B], q: 'messe' }, '2027-02-01', '2027-03-15'),
				'http://x'
			);
			expect(url.pathname).toBe('/api/activities');
			expect(url.searchParams.getAll('category')).toEqual([A, B]);
			expect(url.searchParams.get('q')).toBe('messe');
			expect(url.searchParams.get('start')).toBe('2027-02-01');
			expect(url.searchParams.get('end')).toBe('2027-03-15');
		});
	});
});
