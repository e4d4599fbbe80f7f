import { describe, expect, it } from 'vitest';
import { loadHighs } from './highs';
import {
	buildEdges,
	rankWeight,
	sortInputs,
	type AllocationPlace,
	type AllocationPupil
} from './model';
import { placeMostPupils, placementBonus } from './placement';
import { syntheticRound } from './first-come';

/** The same optimum from the plainest model: one binary per pupil–place pair, no aggregation. */
async function plainOptimum(round: ReturnType<typeof syntheticRound>): Promise<number> {
	const { pupils, places } = sortInputs(round.pupils, round.places);
	const edges = buildEdges(pupils, places);
	const bonus = placementBonus(pupils.length);
	const byPupil = pupils.map((): string[] => []);
	const byPlace = places.map((): string[] => []);
	edges.forEach((e, i) => {
		byPupil[e.pupilIndex].push(`x${i}`);
		byPlace[e.placeIndex].push(`x${i}`);
	});
	const rows = [
		...byPupil.flatMap((v, p) => (v.length ? [`p${p}: ${v.join(' + ')} <= 1`] : [])),
		...byPlace.flatMap((v, c) =>
			v.length ? [`c${c}: ${v.join(' + ')} <= ${places[c].capacity}`] : []
		)
	];
	const lp = [
		'Maximize',
		`obj: ${edges.map((e, i) => `${bonus + rankWeight(e.rank)} x${i}`).join(' + ')}`,
		'Subject To',
		...rows,
		'Binary',
		edges.map((_, i) => `x${i}`).join(' '),
		'End'
	].join('\n');
	const result = await (await loadHighs()).solve(lp);
	expect(result.Status).toBe('Optimal');
	return Math.round(result.ObjectiveValue);
}

describe('allocation/placement', () => {
	// Scarce seats in popular trades, places for 14-year-olds only: pupils must fall back to lower
	// wishes, so the first two wishes are not enough and the duals must call for more.
	for (const seed of [3, 19, 2027]) {
		it(`reaches the plain model's optimum on interchangeable pupils and places (seed ${seed})`, async () => {
			const round = syntheticRound({
				pupils: 90,
				places: 24,
				weeks: 2,
				trades: 6,
				schools: 3,
				seed,
				capacityPerPlace: 3
			});
			const { pupils, places } = sortInputs(round.pupils, round.places);
			const result = await placeMostPupils(
				await loadHighs(),
				pupils,
				places,
				places.map((p) => p.capacity)
			);
			expect(result.status).toBe('Optimal');
			expect(result.objective).toBe(await plainOptimum(round));
			const bonus = placementBonus(pupils.length);
			const fromAssignments = result.assignments.reduce(
				(sum, a) => sum + bonus + rankWeight(a.rank),
				0
			);
			expect(fromAssignments).toBe(result.objective);
			for (const place of places) {
				const taken = result.assignments.filter((a) => a.placeId === place.id).length;
				expect(taken).toBeLessThanOrEqual(place.capacity);
			}
			expect(new Set(result.assignments.map((a) => a.pupilId)).size).toBe(
				result.assignments.length
			);
		});
	}

	it('asks pupils for more wishes when their first two are taken', async () => {
		// Three pupils with the same three wishes and one seat in each trade: the third pupil's
		// place is its 3rd wish, which the first LP does not have.
		const pupils: AllocationPupil[] = ['a', 'b', 'c'].map((id) => ({
			id,
			schoolId: 'S',
			municipalityId: 'M',
			grade: 8,
			ageGroup: 'age14plus',
			wishes: ['smed', 'tomrer', 'murer'].map((tradeCode) => ({ kind: 'trade', tradeCode })),
			ownPlace: false,
			lockedPlaceId: null
		}));
		const places: AllocationPlace[] = ['smed', 'tomrer', 'murer'].map((tradeCode) => ({
			id: `p-${tradeCode}`,
			companyId: `c-${tradeCode}`,
			tradeCode,
			week: '2027-W05',
			capacity: 1,
			grades: [8],
			minAgeGroup: 'under13'
		}));
		const result = await placeMostPupils(await loadHighs(), pupils, places, [1, 1, 1]);
		expect(result.rounds).toBe(2);
		expect(result.assignments.map((a) => [a.pupilId, a.placeId, a.rank])).toEqual([
			['a', 'p-smed', 1],
			['b', 'p-tomrer', 2],
			['c', 'p-murer', 3]
		]);
	});
});
