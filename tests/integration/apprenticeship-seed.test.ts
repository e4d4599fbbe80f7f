import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { seedDemo } from '../../db/seed';
import { listFollowUp, tradeOverview } from '../../src/lib/apprenticeship/server/apprenticeship';
import { createTestDatabase } from '../helpers/db';
import { allianceCounts } from './apprenticeship-fixtures';

describe('db/seed/apprenticeships', () => {
	let database: Database;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	it('commits ten companies in industritekniker and smed among others', async () => {
		const trades = await database.db
			.selectFrom('allianceCommitmentTrade')
			.select('tradeCode')
			.distinct()
			.execute();
		expect((await allianceCounts(database.db)).commitments).toBe(10);
		expect(trades.map((t) => t.tradeCode)).toEqual(
			expect.arrayContaining(['industritekniker', 'smed'])
		);
	});

	it('only names trades the company itself lists', async () => {
		const stray = await database.db
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
		const overview = await tradeOverview(database.db, '2026/27');
		const openings = overview.reduce((n, r) => n + r.openings, 0);
		expect(openings).toBe(12);
		expect(overview.slice(0, 2).map((r) => r.tradeCode)).toEqual(['industritekniker', 'smed']);
		expect(overview[0].openPositions).toBeGreaterThan(0);
		expect(overview[0].filledPositions).toBeGreaterThan(0);
		const followUp = await listFollowUp(database.db, '2026/27');
		expect(followUp.length).toBe(5);
		expect(followUp.every((r) => r.contactEmail.includes('@'))).toBe(true);
	});

	it('adds nothing on a second run', async () => {
		const before = await allianceCounts(database.db);
		await seedDemo(database.db);
		expect(await allianceCounts(database.db)).toEqual(before);
	});
});
