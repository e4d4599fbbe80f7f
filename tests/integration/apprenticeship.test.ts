import { beforeEach, describe, expect, it } from 'vitest';
import {
	createOpening,
	deleteOpening,
	joinAlliance,
	leaveAlliance,
	markOpeningFilled,
	reopenOpening,
	updateCommitment,
	updateOpening
} from '../../src/lib/apprenticeship/server/apprenticeship';
import { commitmentSchema, openingSchema } from '../../src/lib/apprenticeship/schema';
import {
	addOpening,
	allianceCounts,
	commit,
	commitmentFields,
	openingFields,
	type Role,
	useAllianceWorld
} from './apprenticeship-fixtures';

describe('apprenticeship', () => {
	const world = useAllianceWorld();
	const db = () => world.db;
	const u = (r: Role) => world.users[r];
	const commitment = (over = {}) => commitmentSchema.parse(commitmentFields(over));
	const opening = (over = {}) => openingSchema.parse(openingFields(over));
	const audit = () =>
		db()
			.selectFrom('auditEvent')
			.select(['action', 'entityType', 'summary', 'organisationId'])
			.orderBy('id')
			.execute();

	describe('joinAlliance', () => {
		it('commits the company with its trades and contact, and logs it', async () => {
			const result = await joinAlliance(db(), u('companyAdmin'), world.org.alfa, commitment());
			expect(result.ok).toBe(true);
			const row = await db().selectFrom('allianceCommitment').selectAll().executeTakeFirstOrThrow();
			expect(row).toMatchObject({ organisationId: world.org.alfa, contactEmail: 'anna@alfa.dk' });
			const trades = await db().selectFrom('allianceCommitmentTrade').select('tradeCode').execute();
			expect(trades.map((t) => t.tradeCode).sort()).toEqual(['industritekniker', 'smed']);
			expect(await audit()).toEqual([
				expect.objectContaining({
					action: 'create',
					entityType: 'alliance_commitment',
					organisationId: world.org.alfa,
					summary: expect.stringContaining('Alfa Maskiner')
				})
			]);
		});

		it('lets the secretariat register a company', async () => {
			const result = await joinAlliance(db(), u('secretariat'), world.org.beta, commitment());
			expect(result.ok).toBe(true);
		});

		it('answers 409 when the company has already joined, writing nothing', async () => {
			await joinAlliance(db(), u('companyAdmin'), world.org.alfa, commitment());
			const before = await allianceCounts(db());
			const again = await joinAlliance(db(), u('companyAdmin'), world.org.alfa, commitment());
			expect(again).toMatchObject({ ok: false, status: 409 });
			expect(await allianceCounts(db())).toEqual(before);
		});

		it.each([
			['a plain member', 'companyMember', 'alfa', 403],
			['another company', 'otherCompany', 'alfa', 404],
			['the municipality', 'municipality', 'alfa', 404],
			['a school for itself', 'school', 'school', 404],
			['Learnmark for itself', 'vocationalSchool', 'learnmark', 404],
			['the secretariat for a partner', 'secretariat', 'partner', 404],
			['a visitor', 'anonymous', 'alfa', 404]
		] as const)('refuses %s and writes nothing', async (_, role, org, status) => {
			const result = await joinAlliance(db(), u(role), world.org[org], commitment());
			expect(result).toMatchObject({ ok: false, status });
			expect(await allianceCounts(db())).toEqual({
				commitments: 0,
				trades: 0,
				openings: 0,
				audit: 0
			});
		});

		it('refuses an unknown trade in Danish, writing nothing', async () => {
			const result = await joinAlliance(
				db(),
				u('companyAdmin'),
				world.org.alfa,
				commitment({ trades: ['smed', 'astronaut'] })
			);
			expect(result).toMatchObject({ ok: false, status: 400 });
			expect(!result.ok && result.errors?.trades).toContain('«astronaut» findes ikke');
			expect((await allianceCounts(db())).commitments).toBe(0);
		});

		it('answers 404 for an id that is no uuid', async () => {
			const result = await joinAlliance(db(), u('secretariat'), 'nope', commitment());
			expect(result).toMatchObject({ ok: false, status: 404 });
		});
	});

	describe('updateCommitment', () => {
		beforeEach(async () => {
			await commit(db(), world.org.alfa, ['smed', 'industritekniker']);
		});

		it('replaces contact and trades', async () => {
			const result = await updateCommitment(
				db(),
				u('companyAdmin'),
				world.org.alfa,
				commitment({ trades: ['elektriker'], contactName: 'Ny Kontakt' })
			);
			expect(result.ok).toBe(true);
			const trades = await db().selectFrom('allianceCommitmentTrade').select('tradeCode').execute();
			expect(trades.map((t) => t.tradeCode)).toEqual(['elektriker']);
			expect((await audit()).map((a) => a.action)).toEqual(['update']);
		});

		it('refuses to drop a trade that still has open openings', async () => {
			await addOpening(db(), world.org.alfa, 'smed', 1, '2027-01-04', 'open');
			const result = await updateCommitment(
				db(),
				u('companyAdmin'),
				world.org.alfa,
				commitment({ trades: ['industritekniker'] })
			);
			expect(result).toMatchObject({ ok: false, status: 409 });
			expect(!result.ok && result.errors?.trades).toContain('Smed');
			expect((await allianceCounts(db())).trades).toBe(2);
		});

		it('answers 404 when the company has not joined, and to another company', async () => {
			expect(
				await updateCommitment(db(), u('otherCompany'), world.org.alfa, commitment())
			).toMatchObject({ status: 404 });
			expect(
				await updateCommitment(db(), u('otherCompany'), world.org.beta, commitment())
			).toMatchObject({ status: 404 });
		});
	});

	describe('leaveAlliance', () => {
		it('withdraws open openings, keeps filled ones, and logs each', async () => {
			await commit(db(), world.org.alfa, ['smed']);
			await addOpening(db(), world.org.alfa, 'smed', 2, '2027-01-04', 'open');
			const filled = await addOpening(db(), world.org.alfa, 'smed', 1, '2026-08-10', 'filled');
			const result = await leaveAlliance(db(), u('companyAdmin'), world.org.alfa);
			expect(result).toMatchObject({ ok: true, value: { withdrawn: 1 } });
			const left = await db().selectFrom('apprenticeshipOpening').select('id').execute();
			expect(left.map((o) => o.id)).toEqual([filled]);
			expect((await allianceCounts(db())).commitments).toBe(0);
			expect((await audit()).map((a) => `${a.action}:${a.entityType}`)).toEqual([
				'delete:apprenticeship_opening',
				'delete:alliance_commitment'
			]);
		});

		it('refuses a member (403) and another company (404)', async () => {
			await commit(db(), world.org.alfa, ['smed']);
			expect(await leaveAlliance(db(), u('companyMember'), world.org.alfa)).toMatchObject({
				status: 403
			});
			expect(await leaveAlliance(db(), u('otherCompany'), world.org.alfa)).toMatchObject({
				status: 404
			});
			expect((await allianceCounts(db())).commitments).toBe(1);
		});
	});

	describe('createOpening', () => {
		beforeEach(async () => {
			await commit(db(), world.org.alfa, ['smed', 'industritekniker']);
		});

		it('lets any member of a committed company publish, and logs it', async () => {
			const result = await createOpening(db(), u('companyMember'), {
				...opening(),
				organisationId: world.org.alfa
			});
			expect(result.ok).toBe(true);
			const row = await db()
				.selectFrom('apprenticeshipOpening')
				.selectAll()
				.executeTakeFirstOrThrow();
			expect(row).toMatchObject({
				tradeCode: 'smed',
				positions: 2,
				startDate: '2027-01-04',
				status: 'open'
			});
			expect(await audit()).toEqual([
				expect.objectContaining({
					action: 'create',
					summary: expect.stringContaining('Smed, 2 pladser')
				})
			]);
		});

		it.each([
			['an uncommitted company', 'otherCompany', 'beta', {}, 409],
			['a trade outside the commitment', 'companyAdmin', 'alfa', { tradeCode: 'elektriker' }, 400],
			['an unknown trade', 'companyAdmin', 'alfa', { tradeCode: 'astronaut' }, 400],
			['another company', 'otherCompany', 'alfa', {}, 404],
			['a school', 'school', 'alfa', {}, 404],
			['a visitor', 'anonymous', 'alfa', {}, 404]
		] as const)('refuses %s, writing nothing', async (_, role, org, over, status) => {
			const before = await allianceCounts(db());
			const result = await createOpening(db(), u(role), {
				...opening(over),
				organisationId: world.org[org]
			});
			expect(result).toMatchObject({ ok: false, status });
			expect(await allianceCounts(db())).toEqual(before);
		});
	});

	describe('changing an opening', () => {
		let id: string;
		beforeEach(async () => {
			await commit(db(), world.org.alfa, ['smed', 'industritekniker']);
			id = await addOpening(db(), world.org.alfa, 'smed', 2, '2027-01-04', 'open');
		});
		const status = async () =>
			(
				await db()
					.selectFrom('apprenticeshipOpening')
					.select('status')
					.where('id', '=', id)
					.executeTakeFirst()
			)?.status;

		it('updates the opening and logs it', async () => {
			const result = await updateOpening(
				db(),
				u('companyMember'),
				id,
				opening({ positions: '3', tradeCode: 'industritekniker' })
			);
			expect(result).toMatchObject({ ok: true, value: { organisationId: world.org.alfa } });
			const row = await db()
				.selectFrom('apprenticeshipOpening')
				.selectAll()
				.executeTakeFirstOrThrow();
			expect(row).toMatchObject({ positions: 3, tradeCode: 'industritekniker' });
			expect((await audit()).map((a) => a.action)).toEqual(['update']);
		});

		it('marks filled and reopens', async () => {
			expect((await markOpeningFilled(db(), u('companyMember'), id)).ok).toBe(true);
			expect(await status()).toBe('filled');
			expect((await reopenOpening(db(), u('secretariat'), id)).ok).toBe(true);
			expect(await status()).toBe('open');
			expect((await audit()).map((a) => a.summary)).toEqual([
				expect.stringContaining('besat'),
				expect.stringContaining('genåbnet')
			]);
		});

		it('deletes and logs it', async () => {
			expect((await deleteOpening(db(), u('companyAdmin'), id)).ok).toBe(true);
			expect((await allianceCounts(db())).openings).toBe(0);
			expect((await audit()).map((a) => a.action)).toEqual(['delete']);
		});

		it.each(['otherCompany', 'school', 'municipality', 'partner', 'anonymous'] as const)(
			'answers 404 to %s for every change, writing nothing',
			async (role) => {
				const before = await allianceCounts(db());
				for (const result of [
					await updateOpening(db(), u(role), id, opening({ positions: '9' })),
					await markOpeningFilled(db(), u(role), id),
					await reopenOpening(db(), u(role), id),
					await deleteOpening(db(), u(role), id)
				]) {
					expect(result).toMatchObject({ ok: false, status: 404 });
				}
				expect(await allianceCounts(db())).toEqual(before);
				expect(await status()).toBe('open');
			}
		);

		it('answers 404 for a missing or malformed id', async () => {
			expect(
				await deleteOpening(db(), u('secretariat'), '00000000-0000-4000-8000-000000000000')
			).toMatchObject({ status: 404 });
			expect(await markOpeningFilled(db(), u('secretariat'), "1' or '1'='1")).toMatchObject({
				status: 404
			});
		});
	});
});
