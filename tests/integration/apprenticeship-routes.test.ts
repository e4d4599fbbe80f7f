import { beforeEach, describe, expect, it } from 'vitest';
import * as overviewPage from '../../src/routes/laerepladsalliance/+page.server';
import * as pickPage from '../../src/routes/laerepladsalliance/tilsagn/+page.server';
import * as commitmentPage from '../../src/routes/laerepladsalliance/tilsagn/[id]/+page.server';
import * as newPage from '../../src/routes/laerepladsalliance/opslag/ny/+page.server';
import * as openingPage from '../../src/routes/laerepladsalliance/opslag/[id]/+page.server';
import { fakeEvent } from './organisation.fixtures';
import {
	addOpening,
	allianceCounts,
	commit,
	commitmentFields,
	openingFields,
	type AllianceWorld,
	type Role,
	useAllianceWorld
} from './apprenticeship-fixtures';

type Fields = Record<string, string | string[]>;
type Failure = { status: number; data: { errors: Record<string, string>; values: Fields } };

describe('routes/laerepladsalliance', () => {
	const world = useAllianceWorld({ routes: true });
	const u = (r: Role) => world.users[r];
	const org = (key: keyof AllianceWorld['org']) => world.org[key];

	const commitmentAction = (
		name: keyof typeof commitmentPage.actions,
		r: Role,
		id: string,
		fields: Fields
	) =>
		commitmentPage.actions[name](
			fakeEvent(`/laerepladsalliance/tilsagn/${id}?/${name}`, u(r), { id }, fields)
		) as Promise<unknown>;
	const create = (r: Role, company: string, fields: Fields) =>
		newPage.actions.default(
			fakeEvent(`/laerepladsalliance/opslag/ny?virksomhed=${company}`, u(r), {}, fields)
		) as Promise<unknown>;
	const openingAction = (
		name: keyof typeof openingPage.actions,
		r: Role,
		id: string,
		fields: Fields = {}
	) =>
		openingPage.actions[name](
			fakeEvent(`/laerepladsalliance/opslag/${id}?/${name}`, u(r), { id }, fields)
		) as Promise<unknown>;

	describe('overview', () => {
		const load = (r: Role, search = '') =>
			overviewPage.load(fakeEvent(`/laerepladsalliance${search}`, u(r))) as Promise<
				Record<string, unknown> & { openings: unknown[]; overview: unknown; followUp: unknown }
			>;
		beforeEach(async () => {
			await commit(world.db, org('alfa'), ['smed']);
			await commit(world.db, org('gamma'), ['smed']);
			await addOpening(world.db, org('alfa'), 'smed', 2, '2026-09-01', 'open');
			await addOpening(world.db, org('alfa'), 'smed', 1, '2026-09-01', 'filled');
		});

		it('shows visitors the open openings but not the figures or the follow-up list', async () => {
			const data = await load('anonymous', '?aar=2026/27');
			expect(data.openings).toHaveLength(1);
			expect(data.overview).toBeNull();
			expect(data.followUp).toBeNull();
		});

		it.each(['secretariat', 'partner', 'municipality', 'vocationalSchool'] as const)(
			'shows %s the overview and the follow-up list',
			async (role) => {
				const data = await load(role, '?aar=2026/27');
				expect(data.overview).toEqual(
					expect.arrayContaining([
						expect.objectContaining({ tradeCode: 'smed', openPositions: 2, filledPositions: 1 })
					])
				);
				expect(data.followUp).toEqual([expect.objectContaining({ name: 'Gamma Smedie' })]);
				// Alfa and Gamma, each once, though a company may name several trades.
				expect(data.committedCompanies).toBe(2);
			}
		);

		it.each(['companyAdmin', 'otherCompany', 'school'] as const)(
			'keeps the figures from %s',
			async (role) => {
				const data = await load(role, '?aar=2026/27');
				expect(data.overview).toBeNull();
				expect(data.followUp).toBeNull();
			}
		);

		it.each(['2026/28', '2026-27', 'x', '1990/91'])('answers 400 to ?aar=%s', async (year) => {
			await expect(load('partner', `?aar=${encodeURIComponent(year)}`)).rejects.toMatchObject({
				status: 400,
				body: { message: expect.stringContaining('2026/27') }
			});
		});

		it('sends a company member from the picker to their company', async () => {
			await expect(
				pickPage.load(fakeEvent('/laerepladsalliance/tilsagn', u('companyMember')))
			).rejects.toMatchObject({
				status: 303,
				location: `/laerepladsalliance/tilsagn/${org('alfa')}`
			});
		});
	});

	describe('commitment page', () => {
		const load = (r: Role, id: string) =>
			commitmentPage.load(fakeEvent(`/laerepladsalliance/tilsagn/${id}`, u(r), { id })) as Promise<
				Record<string, unknown>
			>;

		it('sends visitors to the login page', async () => {
			await expect(load('anonymous', org('alfa'))).rejects.toMatchObject({ status: 303 });
		});

		it('answers 404 to another company and for a school', async () => {
			await expect(load('otherCompany', org('alfa'))).rejects.toMatchObject({ status: 404 });
			await expect(load('secretariat', org('school'))).rejects.toMatchObject({ status: 404 });
		});

		it('lets the admin join, then shows the commitment', async () => {
			await expect(
				commitmentAction('join', 'companyAdmin', org('alfa'), commitmentFields())
			).rejects.toMatchObject({ status: 303, location: expect.stringContaining('?tilmeldt') });
			const data = await load('companyMember', org('alfa'));
			expect(data).toMatchObject({ canManage: false, canPublish: true });
			expect(data.commitment).toMatchObject({ contactEmail: 'anna@alfa.dk' });
		});

		it('returns bad input with Danish messages and the values, writing nothing', async () => {
			const result = (await commitmentAction(
				'join',
				'companyAdmin',
				org('alfa'),
				commitmentFields({ trades: [], contactEmail: 'ikke-en-mail', contactPhone: 'ring til mig' })
			)) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.errors).toMatchObject({
				trades: 'Vælg mindst ét fag',
				contactEmail: expect.stringContaining('gyldig e-mailadresse'),
				contactPhone: expect.stringContaining('telefonnummer')
			});
			expect(result.data.values.contactEmail).toBe('ikke-en-mail');
			expect(await allianceCounts(world.db)).toEqual({
				commitments: 0,
				trades: 0,
				openings: 0,
				audit: 0
			});
		});

		it('answers 403 to a plain member and 404 to another company', async () => {
			const member = (await commitmentAction(
				'join',
				'companyMember',
				org('alfa'),
				commitmentFields()
			)) as Failure;
			expect(member.status).toBe(403);
			await expect(
				commitmentAction('join', 'otherCompany', org('alfa'), commitmentFields())
			).rejects.toMatchObject({ status: 404 });
			await expect(
				commitmentAction('leave', 'otherCompany', org('alfa'), {})
			).rejects.toMatchObject({
				status: 404
			});
			expect((await allianceCounts(world.db)).commitments).toBe(0);
		});

		it("answers 404 when marking another company's opening filled through one's own page", async () => {
			await commit(world.db, org('beta'), ['smed']);
			const id = await addOpening(world.db, org('beta'), 'smed', 1, '2027-01-04');
			await expect(
				commitmentAction('fill', 'companyAdmin', org('alfa'), { openingId: id })
			).rejects.toMatchObject({ status: 404 });
			expect((await allianceCounts(world.db)).audit).toBe(0);
		});
	});

	describe('opening pages', () => {
		beforeEach(async () => {
			await commit(world.db, org('alfa'), ['smed', 'industritekniker']);
		});

		it('answers 409 on the form for a company that has not joined, 404 for another', async () => {
			const load = (r: Role, company: string) =>
				newPage.load(fakeEvent(`/laerepladsalliance/opslag/ny?virksomhed=${company}`, u(r)));
			await expect(load('otherCompany', org('beta'))).rejects.toMatchObject({ status: 409 });
			await expect(load('otherCompany', org('alfa'))).rejects.toMatchObject({ status: 404 });
			await expect(load('companyMember', 'not-an-id')).rejects.toMatchObject({ status: 404 });
		});

		it('creates an opening and goes back to the company page', async () => {
			await expect(create('companyMember', org('alfa'), openingFields())).rejects.toMatchObject({
				status: 303,
				location: `/laerepladsalliance/tilsagn/${org('alfa')}?oprettet`
			});
			expect((await allianceCounts(world.db)).openings).toBe(1);
		});

		it.each([
			['positions', { positions: '0' }, 'mellem 1 og 100'],
			['positions', { positions: '2.5' }, 'helt antal'],
			['positions', { positions: '101' }, 'mellem 1 og 100'],
			['positions', { positions: '1e1' }, 'helt antal'],
			['startDate', { startDate: '2027-02-30' }, 'ÅÅÅÅ-MM-DD'],
			['startDate', { startDate: '04-01-2027' }, 'ÅÅÅÅ-MM-DD'],
			['startDate', { startDate: '2050-01-04' }, 'skoleår'],
			['tradeCode', { tradeCode: '' }, 'Vælg et fag'],
			['tradeCode', { tradeCode: 'astronaut' }, 'findes ikke'],
			['tradeCode', { tradeCode: 'elektriker' }, 'ikke med i virksomhedens tilsagn'],
			['contactEmail', { contactEmail: 'x@' }, 'gyldig e-mailadresse'],
			['status', { status: 'maybe' }, 'Vælg en af mulighederne']
		])('refuses a bad %s (%o) in Danish, writing nothing', async (field, over, text) => {
			const result = (await create('companyMember', org('alfa'), openingFields(over))) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.errors[field]).toContain(text);
			expect(result.data.values.contactName).toBe('Lise Lærling');
			expect(await allianceCounts(world.db)).toMatchObject({ openings: 0, audit: 0 });
		});

		it("answers 404 to every change of another company's opening", async () => {
			const id = await addOpening(world.db, org('alfa'), 'smed', 2, '2027-01-04');
			await expect(
				openingPage.load(fakeEvent(`/laerepladsalliance/opslag/${id}`, u('otherCompany'), { id }))
			).rejects.toMatchObject({ status: 404 });
			for (const name of ['fill', 'reopen', 'delete'] as const) {
				await expect(openingAction(name, 'otherCompany', id)).rejects.toMatchObject({
					status: 404
				});
			}
			await expect(openingAction('save', 'partner', id, openingFields())).rejects.toMatchObject({
				status: 404
			});
			expect(await allianceCounts(world.db)).toMatchObject({ openings: 1, audit: 0 });
		});

		it('edits, fills and deletes as a member', async () => {
			const id = await addOpening(world.db, org('alfa'), 'smed', 2, '2027-01-04');
			const page = (await openingPage.load(
				fakeEvent(`/laerepladsalliance/opslag/${id}`, u('companyMember'), { id })
			)) as { values: Fields; trades: { code: string }[] };
			expect(page.values).toMatchObject({ positions: '2', tradeCode: 'smed', status: 'open' });
			expect(page.trades.map((t) => t.code).sort()).toEqual(['industritekniker', 'smed']);
			const bad = (await openingAction(
				'save',
				'companyMember',
				id,
				openingFields({ positions: '-1' })
			)) as Failure;
			expect(bad.status).toBe(400);
			await expect(
				openingAction('save', 'companyMember', id, openingFields({ positions: '4' }))
			).rejects.toMatchObject({ status: 303 });
			await expect(openingAction('fill', 'companyMember', id)).rejects.toMatchObject({
				status: 303,
				location: `/laerepladsalliance/tilsagn/${org('alfa')}?besat`
			});
			const row = await world.db
				.selectFrom('apprenticeshipOpening')
				.select(['positions', 'status'])
				.executeTakeFirstOrThrow();
			expect(row).toEqual({ positions: 4, status: 'filled' });
			await expect(openingAction('delete', 'companyMember', id)).rejects.toMatchObject({
				status: 303
			});
			expect(await allianceCounts(world.db)).toMatchObject({ openings: 0, audit: 3 });
		});
	});
});
