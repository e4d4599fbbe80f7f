import { describe, expect, it } from 'vitest';
import { holidayEvent, isListView } from './holidays';

const holiday = (
	kind: 'school' | 'public',
	name: string,
	startDate: string,
	endDate: string,
	municipality: string | null = null
) => ({ kind, name, startDate, endDate, municipality });

describe('calendar/holidays', () => {
	describe('holidayEvent', () => {
		it('draws a school holiday as a background over its days, end exclusive', () => {
			const event = holidayEvent(
				holiday('school', 'Vinterferie', '2027-02-13', '2027-02-21'),
				false
			);
			expect(event).toMatchObject({
				title: 'Vinterferie',
				start: '2027-02-13',
				end: '2027-02-22',
				allDay: true,
				display: 'background',
				classNames: ['holiday', 'holiday-school']
			});
		});

		it('lists a public holiday as a line in the list view, named with its municipality', () => {
			const event = holidayEvent(
				holiday('public', 'Juledag', '2026-12-25', '2026-12-25', 'Odder'),
				true
			);
			expect(event.display).toBe('list-item');
			expect(event.title).toBe('Juledag (Odder)');
			expect(event.end).toBe('2026-12-26');
		});
	});

	describe('isListView', () => {
		it('knows the list views', () => {
			expect(isListView('listMonth')).toBe(true);
			expect(isListView('dayGridMonth')).toBe(false);
		});
	});
});
