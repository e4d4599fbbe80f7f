import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed';
import { listFollowUp, tradeOverview } from '../../src/lib/apprenticeship/server/apprenticeship';
import { allianceCounts } from './apprenticeship-fixtures';
import { useDemoDatabase } from './demo-fixtures';

describe('db/seed/apprenticeships', () => {
	const demo = useDemoDatabase();

	it('commits ten companies in industritekniker and smed among others', async () => {
		const trades = await demo.db
			.selectFrom('allianceCommitmentTrade')
			.select('tradeCode')
			.distinct()
			.execute();
		expect((await allianceCounts(demo.db)).commitments).toBe(10);
		expect(trades.map((t) => t.tradeCode)).toEqual(
			expect.arrayContaining(['industritekniker', 'smed'])
		);
	});

	it('only names trades the company itself lists', async () => {
		const stray = await demo.db
			.selectFrom('allianceCommitmentTrade as ct')
			.leftJoin('organisationTrade as ot', (join) =>
				join
					.onRef('ot.organisationId', '=', 'ct.organisationId')
					.onRef('ot.tradeCode', '=', 'ct.tradeCode')
			)
			.select('ct.tradeCode')
			.where('ot.tradeCode', 'is', null)
			.execute();
		expect(stray).toEqual([]);
	});

	it('gives 2026/27 twelve openings, open and filled, and a non-empty follow-up list', async () => {
		const overview = await tradeOverview(demo.db, '2026/27');
		const openings = overview.reduce((n, r) => n + r.openings, 0);
		expect(openings).toBe(12);
		expect(overview.slice(0, 2).map((r) => r.tradeCode)).toEqual(['industritekniker', 'smed']);
		expect(overview[0].openPositions).toBeGreaterThan(0);
		expect(overview[0].filledPositions).toBeGreaterThan(0);
		const followUp = await listFollowUp(demo.db, '2026/27');
		expect(followUp.length).toBe(5);
		expect(followUp.every((r) => r.contactEmail.includes('@'))).toBe(true);
	});

	it('adds nothing on a second run', async () => {
		const before = await allianceCounts(demo.db);
		await seedDemo(demo.db);
		expect(await allianceCounts(demo.db)).toEqual(before);
	});
});
