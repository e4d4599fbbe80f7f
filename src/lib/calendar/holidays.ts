// Holidays as FullCalendar events. Pure: the endpoint's answer in, event objects out.
import { addDays } from '$lib/platform/dates/iso';

/** A holiday as /api/holidays answers it. */
export interface HolidayInput {
	kind: 'public' | 'school';
	name: string;
	/** Inclusive dates. */
	startDate: string;
	endDate: string;
	municipality: string | null;
}

export interface HolidayEvent {
	id: string;
	title: string;
	start: string;
	/** Exclusive, as FullCalendar reads all-day ends. */
	end: string;
	allDay: true;
	display: 'background' | 'list-item';
	backgroundColor: string;
	classNames: string[];
	extendedProps: { holiday: HolidayInput['kind'] };
}

const COLOUR = { public: '#fde68a', school: '#bae6fd' } as const;

/**
 * A shaded background with its name on the grids; a line of its own in the list, which draws no
 * backgrounds.
 */
export function holidayEvent(holiday: HolidayInput, listView: boolean): HolidayEvent {
	const title = holiday.municipality ? `${holiday.name} (${holiday.municipality})` : holiday.name;
	return {
		id: `holiday-${holiday.kind}-${holiday.startDate}-${title}`,
		title,
		start: holiday.startDate,
		end: addDays(holiday.endDate, 1),
		allDay: true,
		display: listView ? 'list-item' : 'background',
		backgroundColor: COLOUR[holiday.kind],
		classNames: ['holiday', `holiday-${holiday.kind}`],
		extendedProps: { holiday: holiday.kind }
	};
}

export const isListView = (type: string) => type.startsWith('list');
