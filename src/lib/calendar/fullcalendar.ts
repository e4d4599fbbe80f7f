// Loads FullCalendar in the browser only (it touches the DOM) and gives the app's fixed settings:
// Danish or British English, Monday first, ISO week numbers labelled 'uge', the four URL views,
// the year view as a school year (August to July).
import type { CalendarOptions } from '@fullcalendar/core';
import { m } from '$lib/paraglide/messages.js';
import type { IsoDate } from '$lib/platform/dates/iso';
import { addDays } from '$lib/platform/dates/iso';
import { CALENDAR_VIEWS, toLocalIsoDate, visibleRange, type CalendarView } from './view-state';

export async function loadFullCalendar(locale: 'da' | 'en') {
	const [core, dayGrid, timeGrid, list, multiMonth, interaction, localeInput] = await Promise.all([
		import('@fullcalendar/core'),
		import('@fullcalendar/daygrid'),
		import('@fullcalendar/timegrid'),
		import('@fullcalendar/list'),
		import('@fullcalendar/multimonth'),
		import('@fullcalendar/interaction'),
		// en-gb rather than en: Monday first and day-month order, as in the Danish calendar.
		locale === 'en'
			? import('@fullcalendar/core/locales/en-gb')
			: import('@fullcalendar/core/locales/da')
	]);
	const options: CalendarOptions = {
		plugins: [
			dayGrid.default,
			timeGrid.default,
			list.default,
			multiMonth.default,
			interaction.default
		],
		// The week-number words go into the locale, not the calendar options: FullCalendar 6.1 hands
		// only a calendar-level `weekText` to its date formatter and ignores `weekTextLong` there, so
		// the accessible name of a week number (its aria-label) fell back to English "Week 44".
		locale: {
			...localeInput.default,
			weekText: m.cal_week_text(),
			weekTextLong: m.cal_week_text_long()
		}
	};
	return { Calendar: core.Calendar, options };
}

export function baseOptions(initial: {
	view: CalendarView;
	date: IsoDate;
	editable: boolean;
}): CalendarOptions {
	return {
		// Europe/Copenhagen would need a time-zone plugin (Luxon's or Moment's). 'local' with the
		// endpoint's offset-less Copenhagen wall-clock times shows them as written, which is right for
		// this Danish audience; a visitor abroad still sees the Danish times.
		timeZone: 'local',
		firstDay: 1,
		weekNumbers: true,
		weekNumberCalculation: 'ISO',
		weekNumberFormat: { week: 'short' },
		// Timed events as coloured blocks too: the default dot belongs to FullCalendar's own event
		// content, which eventContent replaces (Calendar.svelte).
		eventDisplay: 'block',
		// '09.00', not '9': an hour alone reads as a number.
		eventTimeFormat: { hour: '2-digit', minute: '2-digit', meridiem: false },
		initialView: CALENDAR_VIEWS[initial.view],
		initialDate: initial.date,
		height: 'auto',
		// The icon font is a data: URL, which the CSP (font-src 'self') blocks: words instead.
		buttonIcons: false,
		buttonText: { today: m.cal_today(), prev: m.cal_prev_button(), next: m.cal_next_button() },
		headerToolbar: {
			start: 'today prev,next',
			center: 'title',
			end: 'dayGridMonth,timeGridWeek,listMonth,multiMonthSchoolYear'
		},
		views: {
			dayGridMonth: { buttonText: m.cal_view_month() },
			timeGridWeek: { buttonText: m.cal_view_week() },
			listMonth: { buttonText: m.cal_view_list() },
			multiMonthSchoolYear: {
				type: 'multiMonth',
				buttonText: m.cal_view_year(),
				// The small month grids of a year have no room for 'uge 12': the number alone.
				weekNumberFormat: { week: 'numeric' },
				visibleRange: (current: Date) => {
					const { from, to } = visibleRange('year', toLocalIsoDate(current));
					return { start: from, end: addDays(to, 1) };
				},
				dateIncrement: { years: 1 }
			}
		},
		editable: initial.editable,
		eventStartEditable: initial.editable,
		// The move endpoint keeps an activity's length; the length is changed on the edit page.
		eventDurationEditable: false
	};
}
