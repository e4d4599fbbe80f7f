import { describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/feeds/+page.server';
import { findFeedByToken } from '../../src/lib/feeds/server/token';
import { type ActivityWorld, useActivityWorld } from './activity-fixtures';
import { fakeEvent } from './organisation.fixtures';

type Card = {
	key: string;
	scope: string;
	exists: boolean;
	canManage: boolean;
	links: { url: string; webcal: string; google: string; qr: string } | null;
};
type LinkSet = { url: string; webcal: string; google: string; qr: string };
type Links = LinkSet & {
	holidays: LinkSet | null;
	choices: { upcomingOnly: boolean; withoutCancelled: boolean };
	carry: string | null;
};
type Issued = { key: string; links: Links; shown: Record<string, Links> };

const tokenOf = (url: string) => url.match(/\/feeds\/([a-z2-7]{32})\.ics$/)![1];

describe('routes/feeds', () => {
	const world = useActivityWorld({ routes: true });

	const post = (
		action: 'create' | 'rotate' | 'choose',
		user: keyof ActivityWorld['users'],
		fields: Record<string, string | string[]>
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
		expect(made.links.holidays?.url).toBe(`${made.links.url}?ferier=1`);
		expect(await findFeedByToken(world.db, tokenOf(made.links.url))).not.toBeNull();
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
		expect(await findFeedByToken(world.db, tokenOf(made.links.url))).not.toBeNull();
		const rotated = (await post('rotate', 'ownerAdmin', {
			card: world.org.school,
			confirm: 'ja'
		})) as Issued;
		expect(rotated.links.url).not.toBe(made.links.url);
		expect(await findFeedByToken(world.db, tokenOf(made.links.url))).toBeNull();
		expect(await findFeedByToken(world.db, tokenOf(rotated.links.url))).not.toBeNull();
		expect(
			await post('rotate', 'ownerMember', { card: world.org.school, confirm: 'ja' })
		).toMatchObject({ status: 403 });
	});

	it('gives the address with school holidays its own calendar link, Google link and QR code', async () => {
		const made = (await post('create', 'ownerAdmin', { card: world.org.school })) as Issued;
		const holidays = made.links.holidays!;
		expect(holidays.webcal).toBe(holidays.url.replace(/^http:/, 'webcal:'));
		expect(holidays.google).toBe(
			`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(holidays.webcal)}`
		);
		expect(Buffer.from(holidays.qr.split(',')[1], 'base64').toString()).toMatch(/^<svg/);
		expect(holidays.qr).not.toBe(made.links.qr);
	});

	it('offers no holiday address where a feed has no school holidays (a company person)', async () => {
		const own = (await post('create', 'participantMember', { card: 'user' })) as Issued;
		expect(own.links.holidays).toBeNull();
		const school = (await post('create', 'ownerMember', { card: 'user' })) as Issued;
		expect(school.links.holidays).not.toBeNull();
	});

	it('keeps showing the first address after a second is made', async () => {
		const first = (await post('create', 'ownerAdmin', { card: world.org.school })) as Issued;
		const second = (await post('create', 'ownerAdmin', {
			card: 'user',
			shown: [first.links.carry!]
		})) as Issued;
		expect(second.shown[world.org.school].url).toBe(first.links.url);
		expect(second.shown.user.url).toBe(second.links.url);
		// A failed form keeps them too.
		const failed = (await post('rotate', 'ownerAdmin', {
			card: 'user',
			shown: [first.links.carry!, second.links.carry!]
		})) as { status: number; data: Issued };
		expect(failed.status).toBe(400);
		expect(Object.keys(failed.data.shown).sort()).toEqual(['user', world.org.school].sort());
	});

	it('drops a carried address that was rotated away or is not the person’s own', async () => {
		const first = (await post('create', 'ownerAdmin', { card: world.org.school })) as Issued;
		await post('rotate', 'ownerAdmin', { card: world.org.school, confirm: 'ja' });
		const own = (await post('create', 'ownerMember', {
			card: 'user',
			shown: [first.links.carry!, `user ${tokenOf(first.links.url)} `]
		})) as Issued;
		expect(Object.keys(own.shown)).toEqual(['user']);
		expect(JSON.stringify(own)).not.toContain(tokenOf(first.links.url));
	});

	it('makes and shows an address with the choices only upcoming and without cancelled', async () => {
		const made = (await post('create', 'ownerAdmin', {
			card: world.org.school,
			kommende: '1',
			'uden-aflyste': '1'
		})) as Issued;
		expect(made.links.url).toMatch(/\.ics\?kommende=1&uden-aflyste=1$/);
		expect(made.links.holidays?.url).toMatch(/\.ics\?ferier=1&kommende=1&uden-aflyste=1$/);
		const plain = (await post('choose', 'ownerAdmin', {
			card: world.org.school,
			'uden-aflyste': '1',
			shown: [made.links.carry!]
		})) as Issued;
		expect(plain.links.url).toBe(
			`http://localhost/feeds/${tokenOf(made.links.url.split('?')[0])}.ics?uden-aflyste=1`
		);
		expect(
			await post('choose', 'ownerAdmin', { card: world.org.school, kommende: '1' })
		).toMatchObject({ status: 409 });
	});
});
