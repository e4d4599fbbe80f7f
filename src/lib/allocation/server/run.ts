import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import { refuse, success, UUID, type Result } from '$lib/platform/server/http/result';
import { auditRound } from './audit';
import { bookSeats } from '$lib/bookings/server';
import { allocate, type AllocationResult } from '../solve';
import { canManageRound } from './policy';
import type { Actor } from '$lib/auth';
import { loadPupils, toModel } from './rounds';
import * as q from './queries';
import { solverProcess } from './solver-process';

// Running, adjusting and publishing a round (the owner only). A run replaces every unlocked
// pupil's result; locked pupils stay. Publishing makes ordinary bookings through the bookings
// domain, so mails, feeds, the wheel and the checklist come with them; after it, no more runs.

/** What a run tells the owner: the solver's figures without the assignment itself. */
export interface SolverSummary extends Omit<AllocationResult, 'assignments' | 'unplaced'> {
	unplaced: number;
	millis: number;
}

async function managedRound(db: Kysely<DB>, user: Actor | null, roundId: string) {
	const round = UUID.test(roundId) ? await q.selectRound(db, roundId) : null;
	if (!round) return refuse(404, m.allocation_err_not_found());
	if (!canManageRound(user, round)) return refuse(404, m.allocation_err_not_found());
	if (round.status === 'published') return refuse(409, m.allocation_err_published());
	return { ok: true as const, round };
}

export async function runRound(
	db: Kysely<DB>,
	user: Actor | null,
	roundId: string
): Promise<Result<SolverSummary>> {
	const found = await managedRound(db, user, roundId);
	if (!found.ok) return found;
	const { round } = found;
	const pupils = await loadPupils(db, round.id, 'all');
	const places = await q.selectRoundPlaces(db, round.id);
	const started = performance.now();
	const result: AllocationResult = await allocate(
		toModel(pupils),
		places.map((p) => ({
			id: p.id,
			companyId: p.companyId,
			tradeCode: p.tradeCode ?? '',
			week: p.startDate,
			capacity: p.capacity,
			grades: p.gradeLevels,
			minAgeGroup: p.minAgeGroup
		})),
		{ highs: solverProcess }
	);
	const summary: SolverSummary = {
		status: result.status,
		fairnessStatus: result.fairnessStatus,
		objective: result.objective,
		placed: result.placed,
		score: result.score,
		worstSchoolAverage: result.worstSchoolAverage,
		unplaced: result.unplaced.length,
		variables: result.variables,
		millis: Math.round(performance.now() - started)
	};
	const placed = new Map(result.assignments.map((a) => [a.pupilId, a]));
	const reasons = new Map(result.unplaced.map((u) => [u.pupilId, u.reason]));
	await db.transaction().execute(async (trx) => {
		const locked = await q.selectRound(trx, round.id, true);
		if (!locked || locked.status === 'published') throw new Error('Round published meanwhile');
		await q.setPupilResults(
			trx,
			pupils
				.filter((p) => !p.locked)
				.map((p) => ({
					id: p.id,
					offerId: placed.get(p.id)?.placeId ?? null,
					wishRank: placed.get(p.id)?.rank ?? null,
					reason: reasons.get(p.id) ?? null
				}))
		);
		await q.updateRound(trx, round.id, {
			status: 'allocated',
			solver: JSON.stringify(summary),
			ranAt: new Date()
		});
		await auditRound(
			trx,
			user!,
			round,
			`Praktikfordeling kørt: ${summary.placed} placeret, ${summary.unplaced} uden plads, ${summary.status} (${round.title})`
		);
	});
	return success(summary);
}

/**
 * Moves a pupil to a place (and locks it there), locks or unlocks its current place, or takes
 * its place away (offerId null, unlocked). Capacity per week is checked against the others.
 */
export async function adjustPupil(
	db: Kysely<DB>,
	user: Actor | null,
	input: { roundId: string; pupilId: string; offerId: string | null; locked: boolean }
): Promise<Result<null>> {
	const found = await managedRound(db, user, input.roundId);
	if (!found.ok) return found;
	const { round } = found;
	const pupil = UUID.test(input.pupilId) ? await q.selectPupil(db, round.id, input.pupilId) : null;
	if (!pupil) return refuse(404, m.allocation_err_pupil());
	const places = await q.selectRoundPlaces(db, round.id);
	const place = input.offerId ? places.find((p) => p.id === input.offerId) : null;
	if (input.offerId && !place) return refuse(400, m.allocation_err_place());
	const pupils = await loadPupils(db, round.id, 'all');
	if (place && pupil.offerId !== place.id) {
		const taken = pupils.filter((p) => p.offerId === place.id && p.id !== pupil.id).length;
		if (taken >= place.capacity) return refuse(409, m.allocation_err_full_place());
	}
	const view = pupils.find((p) => p.id === pupil.id)!;
	const rank = place
		? (() => {
				const i = view.wishes.findIndex((w) =>
					w.tradeCode !== null ? w.tradeCode === place.tradeCode : w.offerId === place.id
				);
				return i < 0 ? null : view.wishes[i].rank;
			})()
		: null;
	await db.transaction().execute(async (trx) => {
		await q.setPupilResult(trx, pupil.id, {
			offerId: place?.id ?? null,
			wishRank: rank,
			unplacedReason: null,
			locked: place ? input.locked : false
		});
		await auditRound(
			trx,
			user!,
			round,
			place
				? `Praktikfordeling: ${pupil.pseudonym} ${input.locked ? 'låst' : 'flyttet'} til ${place.title} (${round.title})`
				: `Praktikfordeling: ${pupil.pseudonym} uden plads (${round.title})`
		);
	});
	return success(null);
}

/**
 * Publishes the result: one ordinary booking (requested) per place and class, made through the
 * bookings domain with a key per round, place, school and class (a retry books nothing twice).
 * The round is marked published only when every booking was made.
 */
export async function publishRound(
	db: Kysely<DB>,
	user: Actor | null,
	roundId: string,
	options: { today?: string } = {}
): Promise<Result<{ bookings: number }>> {
	const found = await managedRound(db, user, roundId);
	if (!found.ok) return found;
	const { round } = found;
	if (round.status !== 'allocated') return refuse(409, m.allocation_err_not_run());
	const pupils = (await loadPupils(db, round.id, 'all')).filter((p) => p.offerId);
	const groups = new Map<string, typeof pupils>();
	for (const p of pupils) {
		const key = `${p.offerId}|${p.schoolId}|${p.classLabel}`;
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	const failures: string[] = [];
	let made = 0;
	for (const [key, members] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
		const [offerId, schoolId, classLabel] = key.split('|');
		const names = members.map((p) => p.firstName).filter((n): n is string => !!n);
		const result = await bookSeats(
			db,
			user!,
			{
				offerId,
				schoolId,
				classLabel,
				seats: members.length,
				teacherName: user!.name,
				teacherEmail: user!.email,
				pupilFirstNames: names,
				idempotencyKey: `allocation:${round.id}:${offerId}:${classLabel}`
			},
			{ today: options.today, viaAllocation: true }
		);
		if (!result.ok) {
			failures.push(`${classLabel}: ${result.message}`);
			continue;
		}
		made++;
		await q.setBookingOfPupils(
			db,
			members.map((p) => p.id),
			result.value.booking.id
		);
	}
	if (failures.length > 0) {
		return refuse(409, m.allocation_err_publish_failed({ details: failures.join('; ') }));
	}
	await db.transaction().execute(async (trx) => {
		await q.updateRound(trx, round.id, { status: 'published', publishedAt: new Date() });
		await auditRound(
			trx,
			user!,
			round,
			`Praktikfordeling offentliggjort: ${made} bookinger (${round.title})`
		);
	});
	return success({ bookings: made });
}
