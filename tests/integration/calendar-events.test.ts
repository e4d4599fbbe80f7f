import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { GET as getActivities } from '../../src/routes/api/activities/+server';
import { GET as getHolidays } from '../../src/routes/api/holidays/+server';
import { fakeLocals } from './organisation.fixtures';
import { insertActivity, useActivityWorld } from './activity-fixtures';
import { insertOfferWithBooking } from './feed-fixtures';

const ORIGIN = 'http://localhost:5173';

interface Event {
	id: string;
	title: string;
	start: string;
	end: string;
	url: string;
	display?: string;
	startEditable: boolean;
	classNames: string[];
	extendedProps: { booking: { id: string; status: string; classLabel: string } | null };
}

async function call(
	handler: (event: never) => Promise<Response> | Response,
	path: string,
	search: string,
	user: SessionUser | null
) {
	const url = new URL(`${ORIGIN}${path}?${search}`);
	const response = await handler({ url, locals: fakeLocals(user) } as never);
	return { status: response.status, body: await response.json() };
}

const activities = async (search: string, user: SessionUser | null = null) =>
	(await call(getActivities, '/api/activities', search, user)).body as Event[];

describe('calendar endpoints (real database)', () => {
	const world = useActivityWorld({ routes: true });

	describe('GET /api/activities', () => {
		it('sends a course on three mornings as three morning events, not one block', async () => {
			const id = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				title: 'Svejsekursus',
				startDate: '2027-03-01',
				endDate: '2027-03-03',
				startTime: '09:00:00',
				endTime: '12:00:00'
			});
			const events = await activities('start=2027-03-01&end=2027-03-08');
			expect(events.map((e) => [e.id, e.start, e.end])).toEqual([
				[id, '2027-03-01T09:00:00', '2027-03-01T12:00:00'],
				[id, '2027-03-02T09:00:00', '2027-03-02T12:00:00'],
				[id, '2027-03-03T09:00:00', '2027-03-03T12:00:00']
			]);
		});

		it("shows the school's own booking with its status and links to the booking", async () => {
			const activityId = await insertActivity(world.db, {
				ownerId: world.org.smedCompany,
				categoryId: world.category.praktik,
				title: 'Besøg i smedjen',
				startDate: '2027-03-10',
				endDate: '2027-03-10'
			});
			const { offerId, bookingId } = await insertOfferWithBooking(world.db, {
				activityId,
				schoolId: world.org.school,
				status: 'waitlisted',
				classLabel: '8.b'
			});
			// Another school's booking of the same visit is not the user's.
			await world.db
				.insertInto('booking')
				.values({
					offerId,
					schoolId: world.org.odderSchool,
					classLabel: '9.a',
					seats: 20,
					teacherName: 'Bo',
					teacherEmail: 'bo@odder.example',
					status: 'confirmed',
					idempotencyKey: crypto.randomUUID()
				})
				.execute();
			const own = await activities('start=2027-03-01&end=2027-04-01', world.users.ownerMember);
			expect(own).toHaveLength(1);
			expect(own[0]).toMatchObject({
				id: activityId,
				title: 'Besøg i smedjen – 8.b',
				url: `/bookinger/${bookingId}`,
				startEditable: false,
				extendedProps: { booking: { id: bookingId, status: 'waitlisted', classLabel: '8.b' } }
			});
			expect(own[0].classNames).toContain('booking-waitlisted');

			// Horsens (Byskolen's municipality) books for its schools: the booking is its own too.
			const horsens: SessionUser = {
				id: crypto.randomUUID(),
				email: 'uu@horsens.example',
				name: 'UU Horsens',
				isSecretariat: false,
				locale: 'da',
				memberships: [
					{
						organisationId: world.org.horsens,
						role: 'member',
						name: 'Horsens Kommune',
						slug: 'horsens-kommune',
						kind: 'municipality',
						municipalityId: null
					}
				]
			};
			const municipality = await activities('start=2027-03-01&end=2027-04-01', horsens);
			expect(municipality.map((e) => e.url)).toEqual([`/bookinger/${bookingId}`]);

			// The provider and a visitor see the activity itself.
			for (const user of [world.users.participantMember, null]) {
				const seen = await activities('start=2027-03-01&end=2027-04-01', user);
				expect(seen).toHaveLength(1);
				expect(seen[0]).toMatchObject({
					url: `/aktiviteter/${activityId}`,
					extendedProps: { booking: null }
				});
			}
		});
	});

	describe('GET /api/holidays', () => {
		beforeEach(async () => {
			await world.db
				.insertInto('schoolHoliday')
				.values([
					{
						municipalityId: world.org.horsens,
						name: 'Vinterferie',
						startDate: '2027-02-13',
						endDate: '2027-02-21'
					},
					{
						municipalityId: world.org.odder,
						name: 'Vinterferie Odder',
						startDate: '2027-02-20',
						endDate: '2027-02-28'
					}
				])
				.execute();
		});

		const holidays = (search: string, user: SessionUser | null = null) =>
			call(getHolidays, '/api/holidays', search, user);

		it("gives public holidays to anyone and the user's own school holidays", async () => {
			const visitor = await holidays('start=2027-02-01&end=2027-04-01');
			expect(visitor.status).toBe(200);
			// Easter 2027: skærtorsdag 25 March to 2. påskedag 29 March.
			expect(visitor.body.map((h: { name: string }) => h.name)).toEqual([
				'Skærtorsdag',
				'Langfredag',
				'Påskedag',
				'Anden påskedag'
			]);
			const school = await holidays('start=2027-02-01&end=2027-03-01', world.users.ownerMember);
			expect(school.body).toEqual([
				{
					kind: 'school',
					name: 'Vinterferie',
					startDate: '2027-02-13',
					endDate: '2027-02-21',
					municipality: null
				}
			]);
		});

		it('gives the chosen municipality instead, and refuses a malformed one', async () => {
			const chosen = await holidays(
				`start=2027-02-01&end=2027-03-01&municipality=${world.org.odder}`,
				world.users.ownerMember
			);
			expect(chosen.body.map((h: { name: string }) => h.name)).toEqual(['Vinterferie Odder']);
			// A company is no municipality: nothing, not an error.
			const company = await holidays(
				`start=2027-02-01&end=2027-03-01&municipality=${world.org.smedCompany}`
			);
			expect(company.body).toEqual([]);
			const bad = await holidays('start=2027-02-01&end=2027-03-01&municipality=horsens');
			expect(bad).toEqual({ status: 400, body: { message: 'Ugyldigt filter: municipality' } });
		});
	});
});
