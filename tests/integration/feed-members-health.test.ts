import { beforeEach, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/feeds/+page.server';
import { GET } from '../../src/routes/feeds/[file]/+server';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import { forgetFeedFetches } from '../../src/lib/feeds/server/fetches';
import { loadFeedCards } from '../../src/lib/feeds/server/page';
import { findFeedByToken, getOrCreateFeedToken } from '../../src/lib/feeds/server/token';
import { removeMember } from '../../src/lib/organisations/server/membership';
import { type ActivityWorld, useActivityWorld } from './activity-fixtures';
import { fakeEvent, fakeLocals } from './organisation.fixtures';

type Card = Awaited<ReturnType<typeof loadFeedCards>>[number];

const ORIGIN = 'http://localhost';

function fetchFeed(token: string, headers: Record<string, string> = {}) {
	const file = `${token}.ics`;
	const url = new URL(`${ORIGIN}/feeds/${file}`);
	const event = {
		params: { file },
		url,
		request: new Request(url, { headers }),
		locals: fakeLocals(null)
	};
	return GET(event as never);
}

describe('feeds: members’ addresses and feed health', () => {
	const world = useActivityWorld({ routes: true });
	let memberToken: string;
	let memberFeedId: string;

	beforeEach(async () => {
		setFeedCacheTtl(0);
		forgetFeedFetches();
		const made = await getOrCreateFeedToken(world.db, {
			scope: 'user',
			userId: world.users.ownerMember!.id
		});
		memberToken = made.token!;
		memberFeedId = made.feed.id;
	});

	const cards = async (user: keyof ActivityWorld['users'], now?: Date) =>
		loadFeedCards(world.db, world.users[user]!, ORIGIN, now);
	const schoolCard = (list: Card[]) => list.find((c) => c.key === world.org.school)!;
	const revoke = (user: keyof ActivityWorld['users'], card: string, feed: string) =>
		actions.revoke(fakeEvent('/feeds', world.users[user], {}, { card, feed })) as Promise<unknown>;

	describe('members’ addresses', () => {
		it('shows a school admin which members have a personal address, never the secret', async () => {
			const list = await cards('ownerAdmin');
			const members = schoolCard(list).members!;
			expect(members.map((m) => m.name)).toEqual(['Skolemedlem']);
			expect(members[0].id).toBe(memberFeedId);
			expect(JSON.stringify(list)).not.toContain(memberToken);
			expect(JSON.stringify(list)).not.toMatch(/tokenHash/);
		});

		it('shows a plain member no one else’s address', async () => {
			expect(schoolCard(await cards('ownerMember')).members).toBeNull();
		});

		it('lets the school admin end a member’s address, which then answers 404', async () => {
			expect((await fetchFeed(memberToken)).status).toBe(200);
			expect(await revoke('ownerAdmin', world.org.school, memberFeedId)).toMatchObject({
				notice: expect.any(String)
			});
			expect(await findFeedByToken(world.db, memberToken)).toBeNull();
			expect((await fetchFeed(memberToken)).status).toBe(404);
			expect(schoolCard(await cards('ownerAdmin')).members).toEqual([]);
		});

		it('refuses a plain member, another organisation’s admin and a feed that is not a member’s', async () => {
			expect(await revoke('ownerMember', world.org.school, memberFeedId)).toMatchObject({
				status: 403
			});
			expect(await revoke('otherAdmin', world.org.school, memberFeedId)).toMatchObject({
				status: 404
			});
			expect(await revoke('otherAdmin', world.org.partner, memberFeedId)).toMatchObject({
				status: 404
			});
			const school = await getOrCreateFeedToken(world.db, {
				scope: 'school',
				organisationId: world.org.school
			});
			expect(await revoke('ownerAdmin', world.org.school, school.feed.id)).toMatchObject({
				status: 404
			});
			expect(await revoke('ownerAdmin', world.org.school, 'not-a-uuid')).toMatchObject({
				status: 404
			});
			expect(await findFeedByToken(world.db, memberToken)).not.toBeNull();
			expect(await findFeedByToken(world.db, school.token!)).not.toBeNull();
		});

		it('ends the personal address of a member removed from the organisation', async () => {
			const other = await getOrCreateFeedToken(world.db, {
				scope: 'user',
				userId: world.users.participantMember!.id
			});
			const removed = await removeMember(
				world.db,
				world.org.school,
				world.users.ownerMember!.id,
				world.users.ownerAdmin!.id
			);
			expect(removed).toMatchObject({ ok: true });
			expect(await findFeedByToken(world.db, memberToken)).toBeNull();
			expect((await fetchFeed(memberToken)).status).toBe(404);
			// Someone else's address is untouched.
			expect(await findFeedByToken(world.db, other.token!)).not.toBeNull();
		});
	});

	describe('feed health', () => {
		const own = async (now?: Date) =>
			(await cards('ownerMember', now)).find((c) => c.key === 'user')!;

		it('records the last fetch, the kind of client and the size of the feed', async () => {
			expect((await own()).health).toMatchObject({ lastFetchedAt: null, lastClient: null });
			const before = Date.now();
			const response = await fetchFeed(memberToken, { 'user-agent': 'Google-Calendar-Importer' });
			const body = await response.text();
			const health = (await own()).health!;
			expect(health.lastClient).toBe('google');
			expect(health.lastFetchedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
			expect(health.lastSize).toBe(Buffer.byteLength(body));
			expect(health.sizePercent).toBe(Math.round((Buffer.byteLength(body) / 1_000_000) * 100));
		});

		it('writes a revalidation at most once a minute per address', async () => {
			const first = await fetchFeed(memberToken, { 'user-agent': 'Google-Calendar-Importer' });
			const etag = first.headers.get('etag')!;
			const again = await fetchFeed(memberToken, {
				'user-agent': 'iOS/17.4.1 (21E236) dataaccessd/1.0',
				'if-none-match': etag
			});
			expect(again.status).toBe(304);
			expect((await own()).health!.lastClient).toBe('google');
			forgetFeedFetches(); // as if a minute had passed
			await fetchFeed(memberToken, {
				'user-agent': 'iOS/17.4.1 (21E236) dataaccessd/1.0',
				'if-none-match': etag
			});
			expect((await own()).health!.lastClient).toBe('apple');
		});

		it('marks an address not fetched for 30 days', async () => {
			await fetchFeed(memberToken, { 'user-agent': 'Microsoft Office/16.0' });
			expect((await own()).health!.stale).toBe(false);
			const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
			expect((await own(later)).health!.stale).toBe(true);
			const members = schoolCard(await cards('ownerAdmin', later)).members!;
			expect(members[0].health).toMatchObject({ lastClient: 'microsoft', stale: true });
		});
	});

	it('the page load carries the health of the school’s own address', async () => {
		const school = await getOrCreateFeedToken(world.db, {
			scope: 'school',
			organisationId: world.org.school
		});
		await fetchFeed(school.token!, { 'user-agent': 'macOS/14.4.1 (23E224) CalendarAgent/988' });
		const data = (await load(fakeEvent('/feeds', world.users.ownerAdmin) as never)) as {
			cards: Card[];
		};
		expect(schoolCard(data.cards).health).toMatchObject({ lastClient: 'apple', stale: false });
	});
});
