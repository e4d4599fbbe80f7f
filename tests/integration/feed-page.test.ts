import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { actions, load } from '../../src/routes/feeds/+page.server';
import { findFeedByToken } from '../../src/lib/feeds/server/token';
import { createTestDatabase, truncateAll } from '../helpers/db';
import { createWorld, type ActivityWorld } from './activity-fixtures';
import { fakeEvent, useForRoutes } from './organisation.fixtures';

type Card = {
	key: string;
	scope: string;
	exists: boolean;
	canManage: boolean;
	links: { url: string; webcal: string; google: string; qr: string } | null;
};
type Issued = {
	key: string;
	links: { url: string; withHolidays: string | null; webcal: string; google: string; qr: string };
};

const tokenOf = (url: string) => url.match(/\/feeds\/([a-z2-7]{32})\.ics$/)![1];

describe('routes/feeds', () => {
	let database: Database;
	let world: ActivityWorld;

	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
	});
	afterAll(async () => {
		await database?.close();
	});
	beforeEach(async () => {
		await truncateAll(database);
		world = await createWorld(database);
	});

	const post = (
		action: 'create' | 'rotate',
		user: keyof ActivityWorld['users'],
		fields: Record<string, string>
	) => actions[action](fakeEvent('/feeds', world.users[user], {}, fields)) as Promise<unknown>;

	it('sends a visitor to the login page', async () => {
		await expect(load(fakeEvent('/feeds', null) as never)).rejects.toMatchObject({ status: 303 });
	});

	it('shows one card per organisation, the personal and the public feed', async () => {
		const data = (await load(fakeEvent('/feeds', world.users.ownerAdmin) as never)) as {
			cards: Card[];
		};
		expect(data.cards.map((c) => c.scope)).toEqual(['school', 'user', 'public']);
		expect(data.cards[0]).toMatchObject({
			key: world.org.school,
			exists: false,
			canManage: true,
			links: null
		});
		const pub = data.cards[2].links!;
		expect(pub.url).toBe('http://localhost/feeds/offentlig.ics');
		expect(pub.webcal).toBe('webcal://localhost/feeds/offentlig.ics');
		expect(pub.google).toBe(
			`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(pub.webcal)}`
		);
		expect(Buffer.from(pub.qr.split(',')[1], 'base64').toString()).toMatch(/^<svg/);
	});

	it('makes the school address once for an admin and shows it only then', async () => {
		const made = (await post('create', 'ownerAdmin', { card: world.org.school })) as Issued;
		expect(made.links.url).toMatch(/^http:\/\/localhost\/feeds\/[a-z2-7]{32}\.ics$/);
		expect(made.links.withHolidays).toBe(`${made.links.url}?ferier=1`);
		expect(await findFeedByToken(database.db, tokenOf(made.links.url))).not.toBeNull();
		const data = (await load(fakeEvent('/feeds', world.users.ownerAdmin) as never)) as {
			cards: Card[];
		};
		expect(data.cards[0]).toMatchObject({ exists: true, links: null });
		expect(JSON.stringify(data)).not.toContain(tokenOf(made.links.url));
		expect(await post('create', 'ownerAdmin', { card: world.org.school })).toMatchObject({
			status: 409
		});
	});

	it('lets a plain member make only a personal address', async () => {
		expect(await post('create', 'ownerMember', { card: world.org.school })).toMatchObject({
			status: 403
		});
		const own = (await post('create', 'ownerMember', { card: 'user' })) as Issued;
		expect(own.links.url).toMatch(/\.ics$/);
		await expect(
			post('create', 'ownerMember', { card: world.org.smedCompany })
		).rejects.toMatchObject({ status: 404 });
	});

	it('rotates only with the confirmation, and the old address dies', async () => {
		const made = (await post('create', 'ownerAdmin', { card: world.org.school })) as Issued;
		expect(await post('rotate', 'ownerAdmin', { card: world.org.school })).toMatchObject({
			status: 400
		});
		expect(await findFeedByToken(database.db, tokenOf(made.links.url))).not.toBeNull();
		const rotated = (await post('rotate', 'ownerAdmin', {
			card: world.org.school,
			confirm: 'ja'
		})) as Issued;
		expect(rotated.links.url).not.toBe(made.links.url);
		expect(await findFeedByToken(database.db, tokenOf(made.links.url))).toBeNull();
		expect(await findFeedByToken(database.db, tokenOf(rotated.links.url))).not.toBeNull();
		expect(
			await post('rotate', 'ownerMember', { card: world.org.school, confirm: 'ja' })
		).toMatchObject({ status: 403 });
	});
});
