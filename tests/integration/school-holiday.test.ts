import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { findSessionMemberships, type SessionUser } from '../../src/lib/auth/server/session';
import { listSchoolHolidays } from '../../src/lib/activities/server/school-holiday';
import { actions, load } from '../../src/routes/ferier/+page.server';
import { createTestDatabase, truncateAll } from '../helpers/db';
import { createWorld, type ActivityWorld } from './activity-fixtures';
import { fakeEvent, useForRoutes } from './organisation.fixtures';

type Role =
	| 'secretariat'
	| 'municipalityAdmin'
	| 'municipalityMember'
	| 'otherMunicipalityAdmin'
	| 'schoolUser'
	| 'anonymous';

/** What an action answered: the status of a fail(), redirect() or error(). */
async function outcome(run: () => unknown): Promise<number> {
	try {
		const result = (await run()) as { status?: number } | undefined;
		return result?.status ?? 200;
	} catch (e) {
		const thrown = e as { status?: number };
		if (typeof thrown.status === 'number') return thrown.status;
		throw e;
	}
}

describe('school-holiday (real database)', () => {
	let database: Database;
	let world: ActivityWorld;
	let users: Record<Role, SessionUser | null>;
	let holidayId: string;

	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
	});
	afterAll(async () => {
		await database?.close();
	});

	async function member(name: string, organisationId: string, role: 'admin' | 'member') {
		const db = database.db;
		const email = `${name}@example.dk`;
		const row = await db
			.insertInto('appUser')
			.values({ email, name })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('membership').values({ userId: row.id, organisationId, role }).execute();
		const memberships = await findSessionMemberships(db, row.id);
		return { id: row.id, email, name, isSecretariat: false, locale: 'da', memberships };
	}

	beforeEach(async () => {
		await truncateAll(database);
		world = await createWorld(database);
		users = {
			secretariat: world.users.secretariat,
			municipalityAdmin: await member('horsensadmin', world.org.horsens, 'admin'),
			municipalityMember: await member('horsensmedlem', world.org.horsens, 'member'),
			otherMunicipalityAdmin: await member('odderadmin', world.org.odder, 'admin'),
			schoolUser: world.users.ownerAdmin,
			anonymous: null
		};
		const row = await database.db
			.insertInto('schoolHoliday')
			.values({
				municipalityId: world.org.horsens,
				name: 'Vinterferie',
				startDate: '2027-02-13',
				endDate: '2027-02-21'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		holidayId = row.id;
	});

	const holidays = () => listSchoolHolidays(database.db, world.org.horsens);
	const valid = { name: 'Efterårsferie', startDate: '2027-10-16', endDate: '2027-10-24' };
	const post = (
		action: 'create' | 'update' | 'delete',
		user: SessionUser | null,
		fields: Record<string, string>
	) => outcome(() => actions[action](fakeEvent(`/ferier?/${action}`, user, {}, fields)));

	describe('rights: who may create, edit and delete Horsens’ holidays', () => {
		// 303: done (back to the list); 404: not theirs; anonymous is sent to log in (also 303).
		const table: [Role, number, boolean][] = [
			['secretariat', 303, true],
			['municipalityAdmin', 303, true],
			['municipalityMember', 303, true],
			['otherMunicipalityAdmin', 404, false],
			['schoolUser', 404, false],
			['anonymous', 303, false]
		];
		it.each(table)('%s: create → %i', async (role, status, allowed) => {
			const answer = await post('create', users[role], {
				...valid,
				municipalityId: world.org.horsens
			});
			expect(answer).toBe(status);
			expect((await holidays()).length).toBe(allowed ? 2 : 1);
		});
		it.each(table)('%s: edit → %i', async (role, status, allowed) => {
			const answer = await post('update', users[role], { ...valid, id: holidayId });
			expect(answer).toBe(status);
			expect((await holidays())[0].name).toBe(allowed ? 'Efterårsferie' : 'Vinterferie');
		});
		it.each(table)('%s: delete → %i', async (role, status, allowed) => {
			const answer = await post('delete', users[role], { id: holidayId });
			expect(answer).toBe(status);
			expect((await holidays()).length).toBe(allowed ? 0 : 1);
		});

		it('answers 404 for a missing holiday id and for a municipality that is not one', async () => {
			const admin = users.secretariat;
			expect(await post('delete', admin, { id: '00000000-0000-4000-8000-000000000000' })).toBe(404);
			expect(await post('update', admin, { ...valid, id: 'nonsense' })).toBe(404);
			expect(await post('create', admin, { ...valid, municipalityId: world.org.school })).toBe(404);
		});
	});

	describe('validation', () => {
		const bad: [string, Record<string, string>, string, RegExp][] = [
			['end before start', { ...valid, endDate: '2027-10-10' }, 'endDate', /før startdatoen/],
			['31 February', { ...valid, startDate: '2027-02-31' }, 'startDate', /findes ikke/],
			['missing name', { ...valid, name: '  ' }, 'name', /udfyldes/],
			[
				'far outside the planning range',
				{ ...valid, startDate: '1999-10-16' },
				'startDate',
				/skoleår/
			]
		];
		it.each(bad)(
			'refuses %s with a Danish message, writes nothing, keeps the input',
			async (_, fields, field, message) => {
				for (const action of ['create', 'update'] as const) {
					const event = fakeEvent(
						`/ferier?/${action}`,
						users.municipalityMember,
						{},
						{
							...fields,
							municipalityId: world.org.horsens,
							id: holidayId
						}
					);
					const result = (await actions[action](event)) as {
						status: number;
						data: { errors: Record<string, string>; values: Record<string, string> };
					};
					expect(result.status).toBe(400);
					expect(result.data.errors[field]).toMatch(message);
					expect(result.data.values.name).toBe(fields.name);
				}
				expect(await holidays()).toMatchObject([{ name: 'Vinterferie', startDate: '2027-02-13' }]);
			}
		);
	});

	describe('load', () => {
		it('lists a municipality publicly and offers editing only to its own people', async () => {
			const page = (user: SessionUser | null) =>
				load(fakeEvent('/ferier?kommune=horsens-kommune', user)) as unknown as Promise<{
					holidays: { name: string }[];
					canEdit: boolean;
				}>;
			expect(await page(null)).toMatchObject({
				holidays: [{ name: 'Vinterferie' }],
				canEdit: false
			});
			expect((await page(users.municipalityMember)).canEdit).toBe(true);
			expect((await page(users.otherMunicipalityAdmin)).canEdit).toBe(false);
			expect(await outcome(() => load(fakeEvent('/ferier?kommune=findes-ikke', null)))).toBe(404);
		});
	});
});
