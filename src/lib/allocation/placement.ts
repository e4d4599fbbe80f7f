import {
	fits,
	MAX_WISHES,
	rankWeight,
	type AllocationPlace,
	type AllocationPupil,
	type Assignment,
	type Wish
} from './model';
import { terms, type Highs, type HighsResult } from './highs';

// Stage 1 of the allocation — as many pupils placed as possible, then the best wishes — as a
// linear program that HiGHS solves to optimality, made small enough to stay fast at 30,000 pupils:
//
// - Places that no pupil wishes by name and that take the same trade, grades and minimum age group
//   are interchangeable: they are one *class* with their capacities summed. A place wished by name
//   is a class of its own.
// - Pupils whose wishes lead to the same groups and classes in the same rank order are
//   interchangeable: they are one *type*, with as many units to place as it has pupils.
// - Column generation: a pupil first brings only its first two wishes; the LP's duals then price
//   every wish left out (its reduced cost), and pupils with a wish that would improve the objective
//   bring more of their wishes, until none would. At that point the duals are feasible for the
//   whole problem, so the restricted solution is optimal for it (LP duality), not an approximation.
//
// The matrix stays a network matrix (type → trade group → class), so the simplex's optimal vertex
// is whole. Types and classes are read back to pupils and places in id order: deterministic.

export interface PlacementResult {
	/** HiGHS's status of the last LP ('Optimal', or 'Empty' when no pupil could go anywhere). */
	status: string;
	/** placed·P + Σ wish weights. */
	objective: number;
	assignments: Assignment[];
	/** Columns of the last LP. */
	variables: number;
	/** LPs solved (1 when the first two wishes already decided everything). */
	rounds: number;
	/** Pupil–wish pairs that lead somewhere: the size of the model before taking pupils together. */
	arcs: number;
}

/** Wishes each pupil brings to the first LP. */
const FIRST_WISHES = 2;

/** The bonus per placed pupil: more than all wish weights a solution with one pupil fewer could gain. */
export function placementBonus(pupilCount: number): number {
	return pupilCount * (rankWeight(1) - rankWeight(5)) + 1;
}

/** A wish that can lead somewhere: to a trade group (pupil → group → class) or straight to a class. */
interface Target {
	rank: number;
	group: number | null;
	klass: number | null;
}

interface PlaceClass {
	/** Indexes into places, in id order: the order the class's pupils fill them. */
	places: number[];
	capacity: number;
}

/** Classes of interchangeable places (with capacity left) and the class of each place. */
function placeClasses(
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[],
	capacity: readonly number[]
) {
	const wishedByName = new Set<string>();
	for (const pupil of pupils) {
		for (const wish of pupil.wishes.slice(0, MAX_WISHES)) {
			if (wish.kind === 'place') wishedByName.add(wish.placeId);
		}
	}
	const classes: PlaceClass[] = [];
	const byKey = new Map<string, number>();
	const classOf = places.map((place, i) => {
		if (capacity[i] <= 0) return -1;
		const key = wishedByName.has(place.id)
			? `p:${place.id}`
			: `t:${place.tradeCode}|${[...place.grades].sort((a, b) => a - b).join(',')}|${place.minAgeGroup}`;
		let c = byKey.get(key);
		if (c === undefined) {
			c = classes.length;
			byKey.set(key, c);
			classes.push({ places: [], capacity: 0 });
		}
		classes[c].places.push(i);
		classes[c].capacity += capacity[i];
		return c;
	});
	return { classes, classOf };
}

/**
 * Each pupil's wishes as targets, in rank order: a trade wish goes to the group of that trade's
 * classes that take the pupil's grade and age group, a wish by name to the place's class; wishes
 * that lead nowhere (no such place, or none that fits) are left out, as are repeated wishes.
 */
function targetsOf(
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[],
	classOf: readonly number[]
) {
	const placeIndex = new Map(places.map((p, i) => [p.id, i]));
	const classesOfTrade = new Map<string, number[]>();
	places.forEach((place, i) => {
		if (classOf[i] < 0) return;
		const list = classesOfTrade.get(place.tradeCode) ?? [];
		if (!list.includes(classOf[i])) list.push(classOf[i]);
		classesOfTrade.set(place.tradeCode, list);
	});
	// A class's first place stands for all of it: they share trade, grades and minimum age.
	const sample = new Map<number, AllocationPlace>();
	places.forEach((place, i) => {
		if (classOf[i] >= 0 && !sample.has(classOf[i])) sample.set(classOf[i], place);
	});
	const groups: number[][] = [];
	const groupByKey = new Map<string, number>();
	const groupOf = (pupil: AllocationPupil, tradeCode: string): number | null => {
		const key = `${tradeCode}|${pupil.grade}|${pupil.ageGroup}`;
		const known = groupByKey.get(key);
		if (known !== undefined) return known < 0 ? null : known;
		const members = (classesOfTrade.get(tradeCode) ?? []).filter((c) =>
			fits(pupil, sample.get(c)!)
		);
		if (members.length === 0) {
			groupByKey.set(key, -1);
			return null;
		}
		groupByKey.set(key, groups.length);
		groups.push(members);
		return groups.length - 1;
	};
	const targets = pupils.map((pupil): Target[] => {
		if (pupil.ownPlace || pupil.lockedPlaceId) return [];
		const list: Target[] = [];
		const wishes = pupil.wishes;
		for (let w = 0; w < Math.min(wishes.length, MAX_WISHES); w++) {
			const wish = wishes[w];
			if (repeatsEarlier(wishes, w)) continue;
			if (wish.kind === 'trade') {
				const group = groupOf(pupil, wish.tradeCode);
				if (group !== null) list.push({ rank: w + 1, group, klass: null });
			} else {
				const i = placeIndex.get(wish.placeId);
				if (i !== undefined && classOf[i] >= 0 && fits(pupil, places[i])) {
					list.push({ rank: w + 1, group: null, klass: classOf[i] });
				}
			}
		}
		return list;
	});
	return { targets, groups };
}

/** Whether wish w repeats an earlier one (five wishes: a scan is cheaper than a set per pupil). */
function repeatsEarlier(wishes: readonly Wish[], w: number): boolean {
	const wish = wishes[w];
	for (let e = 0; e < w; e++) {
		const earlier = wishes[e];
		if (
			wish.kind === 'trade'
				? earlier.kind === 'trade' && earlier.tradeCode === wish.tradeCode
				: earlier.kind === 'place' && earlier.placeId === wish.placeId
		)
			return true;
	}
	return false;
}

const targetKey = (t: Target) => `${t.rank}${t.group !== null ? `g${t.group}` : `c${t.klass}`}`;

interface PupilType {
	/** Pupil indexes, in id order. */
	pupils: number[];
	targets: Target[];
}

function typesOf(targets: readonly Target[][], depth: readonly number[]): PupilType[] {
	const byKey = new Map<string, PupilType>();
	targets.forEach((list, p) => {
		if (list.length === 0) return;
		const brought = list.slice(0, depth[p]);
		const key = brought.map(targetKey).join(',');
		let type = byKey.get(key);
		if (!type) {
			type = { pupils: [], targets: brought };
			byKey.set(key, type);
		}
		type.pupils.push(p);
	});
	// In the order of their first pupil: the same inputs give the same LP text.
	return [...byKey.values()];
}

/** The restricted LP: minimise −(P + w(rank)) per placed pupil (HiGHS's duals then price wishes). */
function restrictedLp(
	types: readonly PupilType[],
	groups: readonly number[][],
	classes: readonly PlaceClass[],
	bonus: number
): { text: string; columns: number } {
	const objective: string[] = [];
	const typeRows: string[] = [];
	const intoGroup: string[][] = groups.map(() => []);
	const intoClass: string[][] = classes.map(() => []);
	types.forEach((type, t) => {
		const vars = type.targets.map((target, k) => {
			const name = `y${t}_${k}`;
			objective.push(`- ${bonus + rankWeight(target.rank)} ${name}`);
			if (target.group !== null) intoGroup[target.group].push(`+ ${name}`);
			else intoClass[target.klass!].push(`+ ${name}`);
			return `+ ${name}`;
		});
		typeRows.push(`t${t}:\n${terms(vars, ' ')} <= ${type.pupils.length}`);
	});
	const groupRows = groups.map((members, g) => {
		const out = members.map((c) => {
			intoClass[c].push(`+ f${g}_${c}`);
			return `- f${g}_${c}`;
		});
		return `g${g}:\n${terms([...intoGroup[g], ...out], ' ')} = 0`;
	});
	const classRows = classes.flatMap((klass, c) =>
		intoClass[c].length ? [`c${c}:\n${terms(intoClass[c], ' ')} <= ${klass.capacity}`] : []
	);
	const columns = objective.length + groups.reduce((n, members) => n + members.length, 0);
	const text = [
		'Minimize',
		`obj:\n${terms(objective, ' ')}`,
		'Subject To',
		...typeRows,
		...groupRows,
		...classRows,
		'End'
	].join('\n');
	return { text, columns };
}

/**
 * Places as many pupils as possible, then as many as possible on their higher wishes (pupils and
 * places in id order; `capacity` is what is left of each place after locked pupils). Own-place and
 * locked pupils are not placed here.
 */
export async function placeMostPupils(
	highs: Highs,
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[],
	capacity: readonly number[]
): Promise<PlacementResult> {
	const { classes, classOf } = placeClasses(pupils, places, capacity);
	const { targets, groups } = targetsOf(pupils, places, classOf);
	if (targets.every((list) => list.length === 0)) {
		return { status: 'Empty', objective: 0, assignments: [], variables: 0, rounds: 0, arcs: 0 };
	}
	const bonus = placementBonus(pupils.length);
	const depth = targets.map((list) => Math.min(FIRST_WISHES, list.length));
	for (let rounds = 1; ; rounds++) {
		const types = typesOf(targets, depth);
		const lp = restrictedLp(types, groups, classes, bonus);
		// Presolve gains nothing on a network this plain and costs time.
		const result = await highs.solve(lp.text, { presolve: 'off' });
		if (result.Status !== 'Optimal') throw new Error(`Allocation solver: ${result.Status}`);
		const { typeDual, groupDual, classDual } = dualsOf(result, types, groups, classes);
		let more = false;
		types.forEach((type, t) => {
			for (const p of type.pupils) {
				const list = targets[p];
				for (let k = depth[p]; k < list.length; k++) {
					const target = list[k];
					const rowDual =
						target.group !== null ? groupDual[target.group] : classDual[target.klass!];
					// Integral data on a network matrix: reduced costs are whole numbers.
					if (-(bonus + rankWeight(target.rank)) - typeDual[t] - rowDual < -0.5) {
						depth[p] = k + 1;
						more = true;
					}
				}
			}
		});
		if (!more) {
			return {
				status: result.Status,
				objective: -Math.round(result.ObjectiveValue),
				assignments: readAssignments(result, types, groups, classes, pupils, places, capacity),
				variables: lp.columns,
				rounds,
				arcs: targets.reduce((n, list) => n + list.length, 0)
			};
		}
	}
}

/** The rows' duals by type, group and class (a row the LP left out, a class nobody reaches, is 0). */
function dualsOf(
	result: HighsResult,
	types: readonly PupilType[],
	groups: readonly number[][],
	classes: readonly PlaceClass[]
) {
	const typeDual = new Float64Array(types.length);
	const groupDual = new Float64Array(groups.length);
	const classDual = new Float64Array(classes.length);
	const arrays: Record<string, Float64Array> = { t: typeDual, g: groupDual, c: classDual };
	for (const row of result.Rows ?? []) {
		arrays[row.Name[0]][Number(row.Name.slice(1))] = row.Dual ?? 0;
	}
	return { typeDual, groupDual, classDual };
}

/** Reads the LP's counts back to pupils and places, in id order. */
function readAssignments(
	result: HighsResult,
	types: readonly PupilType[],
	groups: readonly number[][],
	classes: readonly PlaceClass[],
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[],
	capacity: readonly number[]
): Assignment[] {
	const value = (name: string) => Math.round(result.Columns[name]?.Primal ?? 0);
	const waitingInGroup: { pupil: number; rank: number }[][] = groups.map(() => []);
	const intoClass: { pupil: number; rank: number }[][] = classes.map(() => []);
	types.forEach((type, t) => {
		let next = 0;
		type.targets.forEach((target, k) => {
			for (let n = value(`y${t}_${k}`); n > 0; n--) {
				const pupil = type.pupils[next++];
				if (pupil === undefined) throw new Error('Allocation solver: more places than pupils');
				const placed = { pupil, rank: target.rank };
				if (target.group !== null) waitingInGroup[target.group].push(placed);
				else intoClass[target.klass!].push(placed);
			}
		});
	});
	groups.forEach((members, g) => {
		let next = 0;
		for (const c of members) {
			for (let n = value(`f${g}_${c}`); n > 0; n--) {
				const placed = waitingInGroup[g][next++];
				if (!placed) throw new Error('Allocation solver: a flow without a pupil');
				intoClass[c].push(placed);
			}
		}
	});
	const assignments: Assignment[] = [];
	classes.forEach((klass, c) => {
		let slot = 0;
		let left = capacity[klass.places[0]];
		for (const { pupil, rank } of intoClass[c]) {
			while (left <= 0) left = capacity[klass.places[++slot]];
			const placeIndex = klass.places[slot];
			if (placeIndex === undefined) throw new Error('Allocation solver: a class over capacity');
			left--;
			assignments.push({
				pupilId: pupils[pupil].id,
				placeId: places[placeIndex].id,
				rank,
				locked: false
			});
		}
	});
	return assignments;
}
