import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { GET } from '../../src/routes/api/activities/+server';
import { POST } from '../../src/routes/api/activities/[id]/move/+server';
import { textColourFor } from '../../src/lib/activities/server/events';
import { fakeLocals } from './organisation.fixtures';
import { insertActivity, useActivityWorld } from './activity-fixtures';

const ORIGIN = 'http://localhost:5173';

async function get(search: string, user: SessionUser | null = null) {
	const url = new URL(`${ORIGIN}/api/activities?${search}`);
	const response = await GET({ url, locals: fakeLocals(user) } as never);
	return { status: response.status, body: await response.json() };
}

async function move(
	id: string,
	body: unknown,
	user: SessionUser | null,
	origin: string | null = ORIGIN
) {
	const url = new URL(`${ORIGIN}/api/activities/${id}/move`);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (origin) headers.origin = origin;
	const request = new Request(url, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	const response = await POST({
		request,
		url,
		params: { id },
		locals: fakeLocals(user)
	} as never);
	return { status: response.status, body: await response.json() };
}

describe('activity JSON API (real database)', () => {
	const world = useActivityWorld({ routes: true });

	describe('GET /api/activities', () => {
		it('answers 400 with a Danish message for missing, malformed or too long ranges', async () => {
			const cases = [
				['end=2027-03-01', 'Angiv periodens start og slut'],
				['start=2027-02-31&end=2027-03-01', 'Start og slut skal være datoer som ÅÅÅÅ-MM-DD'],
				['start=februar&end=2027-03-01', 'Start og slut skal være datoer som ÅÅÅÅ-MM-DD'],
				['start=2027-03-01&end=2027-02-01', 'Slut skal ligge efter start'],
				['start=2026-01-01&end=2027-03-01', 'Perioden må højst være 400 dage'],
				['start=2027-02-01&end=2027-03-01&category=nope', 'Ugyldigt filter: category'],
				['start=2027-02-01&end=2027-03-01&pillar=x', 'Ugyldigt filter: pillar']
			];
			for (const [search, message] of cases) {
				expect(await get(search), search).toEqual({ status: 400, body: { message } });
			}
		});

		it('returns all-day events with an exclusive end and timed events as local times', async () => {
			const base = { ownerId: world.org.school, categoryId: world.category.praktik };
			const allDay = await insertActivity(world.db, {
				...base,
				title: 'Praktik',
				startDate: '2027-02-08',
				endDate: '2027-02-12'
			});
			await insertActivity(world.db, {
				...base,
				categoryId: world.category.moede,
				title: 'Møde',
				startDate: '2027-03-28',
				endDate: '2027-03-28',
				startTime: '09:30:00',
				endTime: '11:00:00'
			});
			const { status, body } = await get(
				'start=2027-02-01T00:00:00%2B01:00&end=2027-04-05T00:00:00%2B02:00'
			);
			expect(status).toBe(200);
			expect(body[0]).toMatchObject({
				id: allDay,
				title: 'Praktik',
				start: '2027-02-08',
				end: '2027-02-13',
				allDay: true,
				backgroundColor: '#2e7d32',
				borderColor: '#2e7d32',
				textColor: '#ffffff',
				url: `/aktiviteter/${allDay}`,
				startEditable: false,
				extendedProps: {
					category: 'Erhvervspraktik',
					pillar: 'skole_virksomhed',
					status: 'planned',
					weeks: 'uge 6'
				}
			});
			// 28 March 2027 is the day summer time starts: still plain wall-clock times.
			expect(body[1]).toMatchObject({
				start: '2027-03-28T09:30:00',
				end: '2027-03-28T11:00:00',
				allDay: false,
				textColor: '#000000'
			});
		});

		it('takes the end as exclusive: an activity on the end date is not sent', async () => {
			const base = { ownerId: world.org.school, categoryId: world.category.praktik };
			await insertActivity(world.db, {
				...base,
				startDate: '2027-03-01',
				endDate: '2027-03-01'
			});
			expect((await get('start=2027-02-01&end=2027-03-01')).body).toEqual([]);
			expect((await get('start=2027-02-01&end=2027-03-02')).body).toHaveLength(1);
		});
	});

	describe('POST /api/activities/[id]/move', () => {
		let id: string;
		beforeEach(async () => {
			id = await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				visibility: 'private',
				participants: [world.org.smedCompany],
				startDate: '2027-02-08',
				endDate: '2027-02-12'
			});
		});

		it('refuses another origin with 403 and a missing login with 401', async () => {
			const member = world.users.ownerMember;
			expect(
				(await move(id, { startDate: '2027-03-01' }, member, 'https://evil.example')).status
			).toBe(403);
			expect((await move(id, { startDate: '2027-03-01' }, member, null)).status).toBe(403);
			expect((await move(id, { startDate: '2027-03-01' }, null)).status).toBe(401);
		});

		it('answers 404 when not visible, 403 when not allowed, 400 for a bad date', async () => {
			expect((await move(id, { startDate: '2027-03-01' }, world.users.otherAdmin)).status).toBe(
				404
			);
			// The smed company takes part, so its member sees the activity but may not move it.
			const refused = await move(id, { startDate: '2027-03-01' }, world.users.participantMember);
			expect(refused).toEqual({
				status: 403,
				body: { message: 'Du har ikke ret til at ændre denne aktivitet' }
			});
			const member = world.users.ownerMember;
			expect((await move(id, { startDate: '2027-02-31' }, member)).status).toBe(400);
			expect((await move(id, { startDate: '2040-01-05' }, member)).status).toBe(400);
			expect((await move(id, 'not json', member)).status).toBe(400);
			const row = await world.db
				.selectFrom('activity')
				.select('startDate')
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(row.startDate).toBe('2027-02-08');
		});

		it('moves an allowed activity and answers with the event', async () => {
			const { status, body } = await move(id, { startDate: '2027-03-01' }, world.users.ownerMember);
			expect(status).toBe(200);
			expect(body).toMatchObject({
				id,
				start: '2027-03-01',
				end: '2027-03-06',
				startEditable: true
			});
		});
	});

	describe('textColourFor', () => {
		it('picks black on light colours and white on dark ones', () => {
			expect(textColourFor('#fbc02d')).toBe('#000000');
			expect(textColourFor('#455a64')).toBe('#ffffff');
			expect(textColourFor('#ffffff')).toBe('#000000');
		});
	});
});
