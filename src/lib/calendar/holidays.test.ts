import { describe, expect, it } from 'vitest';
import { holidayEvent, isListView } from './holidays';

describe('calendar/holidays', () => {
	describe('holidayEvent', () => {
		it('draws a school holiday as a background over its days, end exclusive', () => {
			const event = holidayEvent(
				{
					kind: 'school',
					name: 'Vinterferie',
					startDate: '2027-02-13',
					endDate: '2027-02-21',
					municipality: null
				},
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
				{
					kind: 'public',
					name: 'Juledag',
					startDate: '2026-12-25',
					endDate: '2026-12-25',
					municipality: 'Odder'
				},
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
