import { describe, expect, it } from 'vitest';
import { activityEvent, bookingEvent, bookingTotals, eventsPerDay, pupils } from './events';
import type { FeedActivityRow, FeedBookingRow, ProviderBookingRow } from './queries';

const ctx = { origin: 'https://aarshjul.example', showContacts: true, nameSchools: false };

const activity: FeedActivityRow = {
	id: '00000000-0000-4000-8000-000000000001',
	title: 'Besøg på smedjen',
	description: '',
	place: 'Smedjen',
	startDate: '2027-03-03',
	endDate: '2027-03-03',
	startTime: '09:00:00',
	endTime: '11:00:00',
	status: 'planned',
	sequence: 0,
	updatedAt: new Date('2026-12-01T10:00:00Z'),
	categoryName: 'Virksomhedsbesøg',
	ownerName: 'Smedjen ApS',
	ownerAddress: 'Smedevej 1, 8700 Horsens',
	contactName: 'Lars',
	contactEmail: null,
	offerAddress: null,
	offerUpdatedAt: new Date('2026-12-01T10:00:00Z')
} as FeedActivityRow;

function booking(status: ProviderBookingRow['status'], seats: number, classLabel: string) {
	return {
		activityId: activity.id,
		status,
		classLabel,
		seats,
		teacherName: 'Åse',
		teacherEmail: '',
		updatedAt: new Date('2026-12-02T10:00:00Z'),
		schoolName: 'Byskolen'
	} as ProviderBookingRow;
}

describe('feed-events', () => {
	describe('pupils', () => {
		it('writes one pupil in the singular', () => {
			expect(pupils(1)).toBe('1 elev');
			expect(pupils(0)).toBe('0 elever');
			expect(pupils(24)).toBe('24 elever');
		});
	});

	describe('bookingTotals', () => {
		it('counts seats by status and leaves the statuses without seats out', () => {
			expect(bookingTotals([booking('confirmed', 1, '8.a'), booking('waitlisted', 1, '8.b')])).toBe(
				'1 elev bekræftet, 1 elev på venteliste'
			);
		});
	});

	describe('activityEvent', () => {
		it('does not count the waitlist as booked in a provider’s event', () => {
			const event = activityEvent(activity, ctx, [
				booking('confirmed', 2, '8.a'),
				booking('waitlisted', 1, '8.b'),
				booking('declined', 5, '9.c')
			]);
			expect(event.description).toContain('Bookinger (2 elever bekræftet, 1 elev på venteliste):');
			expect(event.description).toContain('- Byskolen, 8.b: 1 elev, lærer Åse (på venteliste)');
			expect(event.description).not.toContain('3 elever');
			expect(event.description).not.toContain('9.c');
		});
	});

	describe('bookingEvent', () => {
		it('writes a single pupil in the singular', () => {
			const row = {
				...activity,
				activityId: activity.id,
				id: '00000000-0000-4000-8000-000000000002',
				bookingStatus: 'confirmed',
				classLabel: '8.a',
				seats: 1,
				teacherName: 'Åse',
				teacherEmail: '',
				bookingUpdatedAt: new Date('2026-12-02T10:00:00Z'),
				schoolName: 'Byskolen'
			} as FeedBookingRow;
			expect(bookingEvent(row, ctx).description).toContain('Byskolen, 8.a, 1 elev – bekræftet');
		});
	});

	describe('eventsPerDay', () => {
		it('gives a course on three mornings one event a morning, each with its own UID', () => {
			const course = activityEvent(
				{ ...activity, startDate: '2027-03-27', endDate: '2027-03-29' },
				ctx
			);
			const days = eventsPerDay(course);
			expect(days.map((e) => [e.uid, e.startDate, e.endDate, e.startTime, e.endTime])).toEqual([
				[
					`activity-${activity.id}-20270327@aarshjul`,
					'2027-03-27',
					'2027-03-27',
					'09:00:00',
					'11:00:00'
				],
				[
					`activity-${activity.id}-20270328@aarshjul`,
					'2027-03-28',
					'2027-03-28',
					'09:00:00',
					'11:00:00'
				],
				[
					`activity-${activity.id}-20270329@aarshjul`,
					'2027-03-29',
					'2027-03-29',
					'09:00:00',
					'11:00:00'
				]
			]);
			expect(days[1].summary).toBe(course.summary);
		});

		it('keeps a one-day, an all-day and an overnight event as one, UID unchanged', () => {
			const one = activityEvent(activity, ctx);
			expect(eventsPerDay(one)).toEqual([one]);
			const allDay = activityEvent(
				{ ...activity, endDate: '2027-03-05', startTime: null, endTime: null },
				ctx
			);
			expect(eventsPerDay(allDay)).toEqual([allDay]);
			const camp = activityEvent(
				{ ...activity, endDate: '2027-03-05', startTime: '16:00:00', endTime: '12:00:00' },
				ctx
			);
			expect(eventsPerDay(camp)).toEqual([camp]);
		});
	});
});
