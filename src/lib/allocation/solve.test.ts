import { describe, expect, it } from 'vitest';
import { allocate } from './solve';
import type { AllocationPlace, AllocationPupil } from './model';
import { firstCome, shuffledOrder, seededRandom, syntheticRound } from './first-come';

function pupil(
	id: string,
	wishes: string[],
	extra: Partial<AllocationPupil> = {}
): AllocationPupil {
	return {
		id,
		schoolId: 'A',
		municipalityId: 'M1',
		grade: 8,
		ageGroup: 'age14plus',
		wishes: wishes.map((w) =>
			w.startsWith('@') ? { kind: 'place', placeId: w.slice(1) } : { kind: 'trade', tradeCode: w }
		),
		ownPlace: false,
		lockedPlaceId: null,
		...extra
	};
}

function place(
	id: string,
	tradeCode: string,
	extra: Partial<AllocationPlace> = {}
): AllocationPlace {
	return {
		id,
		companyId: `c-${id}`,
		tradeCode,
		week: '2027-W05',
		capacity: 1,
		grades: [7, 8, 9],
		minAgeGroup: 'under13',
		...extra
	};
}

function placeOf(result: Awaited<ReturnType<typeof allocate>>, pupilId: string) {
	return result.assignments.find((a) => a.pupilId === pupilId)?.placeId ?? null;
}

describe('allocation/solve', () => {
	describe('allocate', () => {
		it('never gives a place more pupils than its capacity', async () => {
			const pupils = ['a', 'b', 'c', 'd', 'e'].map((id) => pupil(id, ['smed']));
			const places = [place('p1', 'smed', { capacity: 2 }), place('p2', 'smed', { capacity: 1 })];
			const result = await allocate(pupils, places);
			expect(result.status).toBe('Optimal');
			expect(result.placed).toBe(3);
			const count = (id: string) => result.assignments.filter((a) => a.placeId === id).length;
			expect(count('p1')).toBe(2);
			expect(count('p2')).toBe(1);
			expect(result.unplaced.map((u) => u.reason)).toEqual(['all_full', 'all_full']);
		});

		it('places as many pupils as possible before giving anyone a higher wish', async () => {
			const pupils = [
				pupil('a', ['smed', 'industri']),
				pupil('b', ['industri', 'smed']),
				pupil('c', ['smed'])
			];
			const places = [place('s1', 'smed'), place('i1', 'industri')];
			const result = await allocate(pupils, places);
			expect(result.placed).toBe(2);
			// Two places, three pupils: two placed, both with their 1st wish.
			expect(result.score).toBe(10);

			// x could take smed (1st wish), but then y (only smed) is left out: x gets its 2nd wish.
			const chain = [pupil('x', ['smed', 'industri']), pupil('y', ['smed'])];
			const r2 = await allocate(chain, places);
			expect(r2.placed).toBe(2);
			expect(placeOf(r2, 'y')).toBe('s1');
			expect(placeOf(r2, 'x')).toBe('i1');
		});

		it('prefers higher wishes when the number placed is the same', async () => {
			const pupils = [pupil('a', ['smed', 'industri', 'tomrer'])];
			const places = [place('t1', 'tomrer'), place('i1', 'industri'), place('s1', 'smed')];
			const result = await allocate(pupils, places);
			expect(placeOf(result, 'a')).toBe('s1');
			expect(result.assignments[0].rank).toBe(1);
		});

		it('honours a wish for a specific place', async () => {
			const pupils = [pupil('a', ['@s2', 'smed'])];
			const places = [place('s1', 'smed'), place('s2', 'smed')];
			const result = await allocate(pupils, places);
			expect(placeOf(result, 'a')).toBe('s2');
			expect(result.assignments[0].rank).toBe(1);
		});

		it('respects grades and age groups', async () => {
			const pupils = [
				pupil('young', ['smed'], { ageGroup: 'under13' }),
				pupil('grade7', ['industri'], { grade: 7 })
			];
			const places = [
				place('s1', 'smed', { minAgeGroup: 'age14plus' }),
				place('i1', 'industri', { grades: [8, 9] })
			];
			const result = await allocate(pupils, places);
			expect(result.placed).toBe(0);
			expect(result.unplaced).toEqual([
				{ pupilId: 'grade7', reason: 'not_eligible' },
				{ pupilId: 'young', reason: 'not_eligible' }
			]);
		});

		it('gives every unplaced pupil a reason', async () => {
			const pupils = [
				pupil('none', []),
				pupil('nothing', ['maler']),
				pupil('full1', ['smed']),
				pupil('full2', ['smed']),
				pupil('own', ['smed'], { ownPlace: true })
			];
			const result = await allocate(pupils, [place('s1', 'smed')]);
			const reasons = Object.fromEntries(result.unplaced.map((u) => [u.pupilId, u.reason]));
			expect(reasons.none).toBe('no_wishes');
			expect(reasons.nothing).toBe('no_place_in_wishes');
			expect(Object.values(reasons).filter((r) => r === 'all_full')).toHaveLength(1);
			expect(reasons.own).toBeUndefined();
			expect(placeOf(result, 'own')).toBeNull();
		});

		it('keeps locked pupils where they are and allocates the rest around them', async () => {
			const pupils = [
				pupil('a', ['smed'], { lockedPlaceId: 's1' }),
				pupil('b', ['smed', 'industri']),
				pupil('c', ['industri'], { lockedPlaceId: 's2' })
			];
			const places = [place('s1', 'smed'), place('s2', 'smed'), place('i1', 'industri')];
			const result = await allocate(pupils, places);
			expect(placeOf(result, 'a')).toBe('s1');
			expect(placeOf(result, 'c')).toBe('s2');
			expect(placeOf(result, 'b')).toBe('i1');
			const c = result.assignments.find((a) => a.pupilId === 'c')!;
			expect(c).toMatchObject({ locked: true, rank: null });
		});

		it('is fair between schools: the worst-off school gets the best average it can', async () => {
			// Two 1st-wish smed places, four pupils wanting smed 1st and industri 2nd, two industri
			// places. Any split gives the same totals; fairness gives each school one smed place.
			const pupils = [
				pupil('a1', ['smed', 'industri'], { schoolId: 'A' }),
				pupil('a2', ['smed', 'industri'], { schoolId: 'A' }),
				pupil('b1', ['smed', 'industri'], { schoolId: 'B' }),
				pupil('b2', ['smed', 'industri'], { schoolId: 'B' })
			];
			const places = [
				place('s1', 'smed', { capacity: 2 }),
				place('i1', 'industri', { capacity: 2 })
			];
			const result = await allocate(pupils, places);
			expect(result.placed).toBe(4);
			expect(result.score).toBe(18);
			expect(result.fairnessStatus).toBe('Optimal');
			expect(result.worstSchoolAverage).toBe(4.5);
			const smedSchools = result.assignments
				.filter((a) => a.placeId === 's1')
				.map((a) => a.pupilId[0])
				.sort();
			expect(smedSchools).toEqual(['a', 'b']);

			const unfair = await allocate(pupils, places, { fairness: false });
			expect(unfair.score).toBe(18);
		});

		it('gives the same result for the same inputs in any order', async () => {
			const { pupils, places } = syntheticRound({
				pupils: 120,
				places: 40,
				weeks: 2,
				trades: 8,
				schools: 4,
				seed: 7,
				capacityPerPlace: 2
			});
			// Only the node limit may cut the fairness stage here: a clock limit stops at a point that
			// depends on how busy the machine is.
			const options = { fairnessMaxNodes: 200, fairnessTimeLimit: 600 };
			const first = await allocate(pupils, places, options);
			const again = await allocate([...pupils].reverse(), [...places].reverse(), options);
			expect(again.assignments).toEqual(first.assignments);
			expect(again.objective).toBe(first.objective);
		});

		it('places at least as many pupils, with at least as good wishes, as first come', async () => {
			const { pupils, places } = syntheticRound({
				pupils: 200,
				places: 60,
				weeks: 2,
				trades: 10,
				schools: 5,
				seed: 11,
				capacityPerPlace: 3
			});
			const result = await allocate(pupils, places, { fairness: false });
			const random = seededRandom(3);
			for (let run = 0; run < 5; run++) {
				const fc = firstCome(pupils, places, shuffledOrder(pupils.length, random));
				expect(result.placed).toBeGreaterThanOrEqual(fc.length);
				const fcScore = fc.reduce((s, a) => s + (a.rank ? 6 - a.rank : 0), 0);
				if (fc.length === result.placed) expect(result.score).toBeGreaterThanOrEqual(fcScore);
			}
			const capacityOk = places.every(
				(p) => result.assignments.filter((a) => a.placeId === p.id).length <= p.capacity
			);
			expect(capacityOk).toBe(true);
		});

		it('reports an empty round without calling it an error', async () => {
			const result = await allocate([pupil('a', ['smed'])], []);
			expect(result.status).toBe('Empty');
			expect(result.unplaced).toEqual([{ pupilId: 'a', reason: 'no_place_in_wishes' }]);
		});
	});
});
