import { beforeEach, describe, expect, it } from 'vitest';
import {
	cancelActivity,
	deleteActivity,
	findActivityForUser,
	moveActivity,
	updateActivity
} from '../../src/lib/activities/server/activity';
import type { ActivityInput } from '../../src/lib/activities/schema';
import { insertActivity, type RoleName, useActivityWorld } from './activity-fixtures';

type Outcome = 'ok' | 'forbidden' | 'not_found';
type Action = 'edit' | 'cancel' | 'delete' | 'move';
// Each role × action on a PRIVATE activity owned by the school with the smed company taking part.
// Someone who may not even see it gets not_found: the route answers 404 and reveals nothing.
const TABLE: [RoleName, boolean, boolean, boolean, Record<Action, Outcome>][] = [
	['secretariat', true, true, true, { edit: 'ok', cancel: 'ok', delete: 'ok', move: 'ok' }],
	['ownerAdmin', true, true, true, { edit: 'ok', cancel: 'ok', delete: 'ok', move: 'ok' }],
	['ownerMember', true, true, true, { edit: 'ok', cancel: 'ok', delete: 'forbidden', move: 'ok' }],
	[
		'participantMember',
		true,
		true,
		true,
		{ edit: 'forbidden', cancel: 'forbidden', delete: 'forbidden', move: 'forbidden' }
	],
	[
		'otherAdmin',
		true,
		true,
		false,
		{ edit: 'not_found', cancel: 'not_found', delete: 'not_found', move: 'not_found' }
	],
	[
		'noOrganisation',
		true,
		false,
		false,
		{ edit: 'not_found', cancel: 'not_found', delete: 'not_found', move: 'not_found' }
	],
	[
		'anonymous',
		true,
		false,
		false,
		{ edit: 'not_found', cancel: 'not_found', delete: 'not_found', move: 'not_found' }
	]
];

describe('activity authorization (real database)', () => {
	const world = useActivityWorld();
	let ids: Record<'public' | 'alliance' | 'private', string>;

	beforeEach(async () => {
		const base = {
			ownerId: world.org.school,
			categoryId: world.category.praktik,
			participants: [world.org.smedCompany]
		};
		ids = {
			public: await insertActivity(world.db, { ...base, visibility: 'public' }),
			alliance: await insertActivity(world.db, { ...base, visibility: 'alliance' }),
			private: await insertActivity(world.db, { ...base, visibility: 'private' })
		};
	});

	function input(): ActivityInput {
		return {
			title: 'Ændret',
			description: '',
			place: '',
			categoryId: world.category.praktik,
			ownerId: world.org.school,
			startDate: '2027-02-08',
			endDate: '2027-02-12',
			allDay: true,
			startTime: null,
			endTime: null,
			visibility: 'private',
			participants: [world.org.smedCompany]
		};
	}

	async function act(role: RoleName, action: Action): Promise<Outcome> {
		const user = world.users[role];
		// Anonymous users never reach the domain's changes: the routes answer 401 or redirect first.
		if (user === null) {
			return (await findActivityForUser(world.db, null, ids.private)) ? 'forbidden' : 'not_found';
		}
		const id = ids.private;
		const result =
			action === 'edit'
				? await updateActivity(world.db, user, id, input())
				: action === 'cancel'
					? await cancelActivity(world.db, user, id)
					: action === 'delete'
						? await deleteActivity(world.db, user, id)
						: await moveActivity(world.db, user, id, '2027-03-01');
		return result.ok ? 'ok' : (result.reason as Outcome);
	}

	describe.each(TABLE)('%s', (role, viewPublic, viewAlliance, viewPrivate, actions) => {
		it('finds public, alliance and private activities as the table says', async () => {
			const user = world.users[role];
			expect(!!(await findActivityForUser(world.db, user, ids.public))).toBe(viewPublic);
			expect(!!(await findActivityForUser(world.db, user, ids.alliance))).toBe(viewAlliance);
			expect(!!(await findActivityForUser(world.db, user, ids.private))).toBe(viewPrivate);
		});

		for (const action of ['edit', 'cancel', 'delete', 'move'] as const) {
			it(`${action}: ${actions[action]}`, async () => {
				const before = await world.db
					.selectFrom('activity')
					.selectAll()
					.where('id', '=', ids.private)
					.executeTakeFirstOrThrow();
				expect(await act(role, action)).toBe(actions[action]);
				const after = await world.db
					.selectFrom('activity')
					.selectAll()
					.where('id', '=', ids.private)
					.executeTakeFirst();
				if (actions[action] !== 'ok') expect(after).toEqual(before);
				else if (action === 'delete') expect(after).toBeUndefined();
				else if (action === 'edit') expect(after?.title).toBe('Ændret');
				else expect(after?.sequence).toBeGreaterThan(before.sequence);
			});
		}
	});

	describe('findActivityForUser', () => {
		it('returns null for an id that is not a uuid or does not exist', async () => {
			const user = world.users.secretariat;
			expect(await findActivityForUser(world.db, user, 'nope')).toBeNull();
			expect(
				await findActivityForUser(world.db, user, '00000000-0000-4000-8000-000000000000')
			).toBeNull();
		});

		it('returns category, owner and participants', async () => {
			const found = await findActivityForUser(world.db, world.users.ownerMember, ids.private);
			expect(found?.categorySlug).toBe('erhvervspraktik');
			expect(found?.ownerName).toBe('Byskolen');
			expect(found?.participants.map((p) => p.name)).toEqual(['Smedjen ApS']);
		});
	});
});
