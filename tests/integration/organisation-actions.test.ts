import { beforeEach, describe, expect, it } from 'vitest';
import { findOrganisationById } from '../../src/lib/organisations/server/organisation';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { load as directoryLoad } from '../../src/routes/organisationer/+page.server';
import {
	actions as createActions,
	load as createLoad
} from '../../src/routes/organisationer/ny/+page.server';
import { load as pageLoad } from '../../src/routes/organisationer/[slug]/+page.server';
import {
	actions as editActions,
	load as editLoad
} from '../../src/routes/organisationer/[slug]/rediger/+page.server';
import {
	fakeEvent,
	rowCounts,
	useOrganisationWorld,
	sessionUsersOf
} from './organisation.fixtures';

type Failure = {
	status: number;
	data: { errors: Record<string, string>; values: Record<string, unknown> };
};
const profile = {
	name: 'Alfa Maskiner A/S',
	kind: 'company',
	trades: ['smed'],
	website: 'https://alfa.dk'
};

describe('routes/organisationer', () => {
	const world = useOrganisationWorld({ routes: true });
	let users: Awaited<ReturnType<typeof sessionUsersOf>>;
	beforeEach(async () => {
		users = await sessionUsersOf(world.db, world);
	});

	describe('directory load', () => {
		type Directory = { organisations: { name: string }[]; canCreate: boolean };
		const directory = async (path: string, user: SessionUser | null) =>
			(await directoryLoad(fakeEvent(path, user))) as Directory;

		it('filters by query parameters and ignores values it does not know', async () => {
			const data = await directory('/organisationer?kind=company&municipality=x&trade=', null);
			expect(data.organisations.map((o) => o.name)).toEqual(['Alfa Maskiner', 'Beta Stål']);
			expect(data.canCreate).toBe(false);
			const bank = await directory('/organisationer?kind=bank&q=Alfa', users.adminA);
			expect(bank.organisations.map((o) => o.name)).toEqual(['Alfa Maskiner']);
		});

		it('offers the create link to the secretariat only', async () => {
			expect((await directory('/organisationer', users.secretariat)).canCreate).toBe(true);
		});
	});

	describe('[slug] load', () => {
		const load = (user: SessionUser | null, slug = world.orgA.slug) =>
			pageLoad(fakeEvent(`/organisationer/${slug}`, user, { slug })) as Promise<
				Record<string, unknown>
			>;

		it('shows visitors the public part without contact details', async () => {
			const data = await load(null);
			expect(data.contact).toBeNull();
			expect(JSON.stringify(data)).not.toContain('kontakt@example.dk');
		});

		it('shows contact details to members and the secretariat, edit to admins', async () => {
			expect(await load(users.memberA)).toMatchObject({
				contact: { contactEmail: 'kontakt@example.dk' },
				canEdit: false
			});
			expect(await load(users.adminA)).toMatchObject({ canEdit: true });
			expect(await load(users.secretariat)).toMatchObject({ canEdit: true });
			expect(await load(users.adminB)).toMatchObject({ contact: null, canEdit: false });
		});

		it('answers 404 for an unknown slug', async () => {
			await expect(load(null, 'findes-ikke')).rejects.toMatchObject({ status: 404 });
		});
	});

	describe('ny', () => {
		it('sends visitors to the login page and back', async () => {
			await expect(createLoad(fakeEvent('/organisationer/ny', null))).rejects.toMatchObject({
				status: 303,
				location: '/login?next=%2Forganisationer%2Fny'
			});
		});

		it('does not exist for anyone but the secretariat', async () => {
			for (const user of [users.adminA, users.memberA]) {
				const before = await rowCounts(world.db);
				await expect(createLoad(fakeEvent('/organisationer/ny', user))).rejects.toMatchObject({
					status: 404
				});
				const post = fakeEvent('/organisationer/ny', user, {}, { name: 'Snyd', kind: 'partner' });
				await expect(createActions.default(post)).rejects.toMatchObject({ status: 404 });
				expect(await rowCounts(world.db)).toEqual(before);
			}
		});

		it('creates the organisation, invites its first admin and redirects to its page', async () => {
			const before = await rowCounts(world.db);
			const post = fakeEvent(
				'/organisationer/ny',
				users.secretariat,
				{},
				{
					name: 'Ølstykke Smede',
					kind: 'company',
					trades: ['smed', 'elektriker'],
					adminEmail: 'chef@oelstykke.dk'
				}
			);
			await expect(createActions.default(post)).rejects.toMatchObject({
				status: 303,
				location: '/organisationer/oelstykke-smede?oprettet=1&inviteret=1'
			});
			expect(await rowCounts(world.db)).toEqual({
				...before,
				organisation: before.organisation + 1,
				organisationTrade: before.organisationTrade + 2,
				userToken: before.userToken + 1,
				outbox: before.outbox + 1
			});
			const mail = await world.db.selectFrom('outbox').select('bodyText').executeTakeFirstOrThrow();
			expect(mail.bodyText).toContain('http://localhost/invitation/');
		});
	});

	describe('rediger', () => {
		const post = (
			user: SessionUser | null,
			slug: string,
			fields: Record<string, string | string[]>
		) => editActions.default(fakeEvent(`/organisationer/${slug}/rediger`, user, { slug }, fields));

		it("answers 404 for another organisation's page and for members, and writes nothing", async () => {
			const before = await rowCounts(world.db);
			await expect(post(users.adminA, world.orgB.slug, profile)).rejects.toMatchObject({
				status: 404
			});
			await expect(post(users.memberA, world.orgA.slug, profile)).rejects.toMatchObject({
				status: 404
			});
			await expect(post(users.adminA, 'findes-ikke', profile)).rejects.toMatchObject({
				status: 404
			});
			const load = editLoad(
				fakeEvent(`/organisationer/${world.orgB.slug}/rediger`, users.adminA, {
					slug: world.orgB.slug
				})
			);
			await expect(load).rejects.toMatchObject({ status: 404 });
			expect(await rowCounts(world.db)).toEqual(before);
			expect((await findOrganisationById(world.db, world.orgB.id))?.name).toBe('Beta Stål');
		});

		it('sends visitors to the login page', async () => {
			await expect(post(null, world.orgA.slug, profile)).rejects.toMatchObject({ status: 303 });
		});

		it('saves the profile of an admin, but keeps the kind only the secretariat may change', async () => {
			await expect(
				post(users.adminA, world.orgA.slug, { ...profile, kind: 'museum' })
			).rejects.toMatchObject({
				status: 303,
				location: `/organisationer/${world.orgA.slug}?gemt=1`
			});
			const saved = await findOrganisationById(world.db, world.orgA.id);
			expect(saved).toMatchObject({
				name: 'Alfa Maskiner A/S',
				kind: 'company',
				website: 'https://alfa.dk'
			});
			expect(saved?.trades.map((t) => t.code)).toEqual(['smed']);
		});

		it('answers 400 with the form filled in, and writes nothing', async () => {
			const before = await rowCounts(world.db);
			const result = (await post(users.secretariat, world.orgA.slug, {
				...profile,
				description: 'Ny tekst',
				website: 'javascript:alert(1)'
			})) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.errors.website).toMatch(/webadresse/);
			expect(result.data.values).toMatchObject({
				name: 'Alfa Maskiner A/S',
				description: 'Ny tekst',
				trades: 'smed'
			});
			expect(await rowCounts(world.db)).toEqual(before);
			expect((await findOrganisationById(world.db, world.orgA.id))?.name).toBe('Alfa Maskiner');
		});
	});
});
