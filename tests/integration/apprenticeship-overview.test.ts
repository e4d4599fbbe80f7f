import { beforeEach, describe, expect, it } from 'vitest';
import {
	listFollowUp,
	listOpenOpenings,
	tradeOverview
} from '../../src/lib/apprenticeship/server/apprenticeship';
import { addOpening, commit, useAllianceWorld } from './apprenticeship-fixtures';

// Hand-counted fixtures: what 2026/27 (1 Aug 2026 – 31 Jul 2027) must show.
describe('apprenticeship-queries', () => {
	const world = useAllianceWorld();

	beforeEach(async () => {
		const db = world.db;
		const { alfa, beta, gamma, delta } = world.org;
		await commit(db, alfa, ['industritekniker', 'smed', 'elektriker']);
		await commit(db, beta, ['smed']);
		await commit(db, gamma, ['industritekniker', 'anlaegsgartner']);
		// Joined after 2026/27 had ended: not to be chased for that year.
		await commit(db, delta, ['smed'], '2027-09-01');
		// In 2026/27, on both boundaries and between.
		await addOpening(db, alfa, 'industritekniker', 3, '2026-08-01', 'open');
		await addOpening(db, alfa, 'industritekniker', 2, '2027-07-31', 'filled');
		await addOpening(db, alfa, 'smed', 1, '2027-01-10', 'filled');
		await addOpening(db, alfa, 'elektriker', 1, '2027-07-31', 'open');
		await addOpening(db, beta, 'smed', 4, '2026-12-01', 'open');
		await addOpening(db, beta, 'smed', 2, '2026-09-01', 'filled');
		// Just outside 2026/27.
		await addOpening(db, alfa, 'industritekniker', 5, '2026-07-31', 'open');
		await addOpening(db, beta, 'smed', 7, '2027-08-01', 'filled');
	});

	describe('tradeOverview', () => {
		it('counts positions open and filled per trade in the school year', async () => {
			const rows = await tradeOverview(world.db, '2026/27');
			const figures = rows.map((r) => [
				r.tradeCode,
				r.companies,
				r.openings,
				r.positions,
				r.openPositions,
				r.filledPositions
			]);
			expect(figures).toEqual([
				['industritekniker', 2, 2, 5, 3, 2],
				['smed', 3, 3, 7, 4, 3],
				['anlaegsgartner', 1, 0, 0, 0, 0],
				['elektriker', 1, 1, 1, 1, 0]
			]);
		});

		it('puts industritekniker and smed first and hides trades nobody uses', async () => {
			const rows = await tradeOverview(world.db, '2026/27');
			expect(rows.map((r) => r.nameDa)).toEqual([
				'Industritekniker',
				'Smed',
				'Anlægsgartner',
				'Elektriker'
			]);
			expect(rows.some((r) => r.tradeCode === 'murer')).toBe(false);
		});

		it('shows the lead trades with zeros in a year without openings', async () => {
			const rows = await tradeOverview(world.db, '2030/31');
			expect(rows[0]).toMatchObject({ tradeCode: 'industritekniker', positions: 0, openings: 0 });
			expect(rows[1]).toMatchObject({ tradeCode: 'smed', positions: 0, filledPositions: 0 });
		});

		it('counts the next year on its own', async () => {
			const rows = await tradeOverview(world.db, '2027/28');
			expect(rows.find((r) => r.tradeCode === 'smed')).toMatchObject({
				openings: 1,
				positions: 7,
				filledPositions: 7,
				openPositions: 0
			});
		});
	});

	describe('listFollowUp', () => {
		it('lists committed companies with no opening in the year, with their contact', async () => {
			const rows = await listFollowUp(world.db, '2026/27');
			expect(rows.map((r) => r.name)).toEqual(['Gamma Smedie']);
			expect(rows[0]).toMatchObject({
				contactName: 'Kontakt',
				contactEmail: 'kontakt@example.dk',
				contactPhone: '75 00 00 00',
				municipality: 'Horsens Kommune'
			});
			// In catalogue order.
			expect(rows[0].trades.map((t) => t.nameDa)).toEqual(['Anlægsgartner', 'Industritekniker']);
		});

		it('counts a filled opening as activity, and a company that joined later from its year on', async () => {
			const rows = await listFollowUp(world.db, '2027/28');
			// Beta has a filled opening in 2027/28; Alfa's only 2027/28-free; Delta joined in it.
			expect(rows.map((r) => r.name)).toEqual(['Alfa Maskiner', 'Delta Teknik', 'Gamma Smedie']);
		});

		it('forgets a company that left the alliance', async () => {
			await world.db
				.deleteFrom('allianceCommitment')
				.where('organisationId', '=', world.org.gamma)
				.execute();
			expect(await listFollowUp(world.db, '2026/27')).toEqual([]);
		});
	});

	describe('listOpenOpenings', () => {
		it('lists only open openings starting in the year, earliest first', async () => {
			const rows = await listOpenOpenings(world.db, '2026/27');
			expect(rows.map((r) => [r.companyName, r.tradeCode, r.positions, r.startDate])).toEqual([
				['Alfa Maskiner', 'industritekniker', 3, '2026-08-01'],
				['Beta Stål', 'smed', 4, '2026-12-01'],
				['Alfa Maskiner', 'elektriker', 1, '2027-07-31']
			]);
		});
	});
});
