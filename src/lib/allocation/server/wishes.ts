import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { refuse, success, UUID, type Result } from '$lib/platform/server/http/result';
import { recordAudit } from '$lib/audit/server';
import {
	MAX_CSV_BYTES,
	parseWishCsv,
	pupilFields,
	validatePupilCells,
	type PupilInput
} from '../csv';
import { canEditPupils } from './policy';
import type { Actor } from '$lib/auth';
import * as q from './queries';

// A school's pupils and wishes: a whole CSV file (replaces the school's pupils) or one pupil by
// form. Both until the wish deadline, while the round is open, for the school's own members.

async function editable(
	db: Kysely<DB>,
	user: Actor | null,
	{ roundId, schoolId }: { roundId: string; schoolId: string },
	today = copenhagenToday()
) {
	const round = UUID.test(roundId) ? await q.selectRound(db, roundId) : null;
	if (!round || !user) return refuse(404, m.allocation_err_not_found());
	const school = UUID.test(schoolId) ? await q.selectSchool(db, schoolId) : null;
	if (!school || !canEditPupils(user, round, school)) {
		return refuse(403, m.allocation_err_school(), { schoolId: m.allocation_err_school() });
	}
	if (round.status !== 'open') return refuse(409, m.allocation_err_not_open());
	if (today > round.wishDeadline) return refuse(409, m.allocation_err_deadline());
	return { ok: true as const, round, school };
}

async function wishContext(db: Kysely<DB>, roundId: string) {
	const [trades, places] = await Promise.all([
		q.selectTrades(db),
		q.selectRoundPlaces(db, roundId)
	]);
	return { trades, placeIds: places.map((p) => p.id) };
}

/**
 * Replaces the school's pupils in the round with the file's. Every bad line gets a Danish
 * message and nothing is saved unless the whole file is valid.
 */
export async function uploadWishes(
	db: Kysely<DB>,
	user: Actor | null,
	input: {
		roundId: string;
		schoolId: string;
		file: { size: number; text(): Promise<string> } | null;
	},
	options: { today?: string } = {}
): Promise<Result<{ saved: number }>> {
	const ok = await editable(db, user, input, options.today);
	if (!ok.ok) return ok;
	if (!input.file || input.file.size === 0) {
		const message = input.file ? m.allocation_csv_empty() : m.allocation_err_no_file();
		return refuse(400, message, { file: message });
	}
	if (input.file.size > MAX_CSV_BYTES) {
		return refuse(400, m.allocation_csv_too_big(), { file: m.allocation_csv_too_big() });
	}
	const parsed = parseWishCsv(await input.file.text(), await wishContext(db, ok.round.id));
	if (!parsed.ok) return refuse(400, parsed.errors.join('\n'), { file: parsed.errors.join('\n') });
	await save(db, user!, ok.round, ok.school, parsed.pupils);
	return success({ saved: parsed.pupils.length });
}

async function save(
	db: Kysely<DB>,
	user: Actor,
	round: { id: string; title: string },
	school: { id: string; name: string },
	pupils: PupilInput[]
) {
	await db.transaction().execute(async (trx) => {
		await q.replaceSchoolPupils(trx, round.id, school.id, pupils);
		await recordAudit(trx, {
			actorId: user.id,
			organisationId: school.id,
			action: 'update',
			entityType: 'allocation_round',
			entityId: round.id,
			summary: `Praktikfordeling: ${pupils.length} elever fra ${school.name} (${round.title})`
		});
	});
}

/** Adds one pupil, or replaces the one with the same pseudonym, by the form. */
export async function savePupil(
	db: Kysely<DB>,
	user: Actor | null,
	input: { roundId: string; schoolId: string; cells: string[] },
	options: { today?: string } = {}
): Promise<Result<{ saved: number }>> {
	const ok = await editable(db, user, input, options.today);
	if (!ok.ok) return ok;
	const result = validatePupilCells(input.cells, await wishContext(db, ok.round.id));
	if (!result.ok) return refuse(400, result.errors.join(' '), { pupil: result.errors.join(' ') });
	const existing = await loadSchoolInputs(db, ok.round.id, ok.school.id);
	const others = existing.filter(
		(p) => p.pseudonym.toLocaleLowerCase('da') !== result.pupil.pseudonym.toLocaleLowerCase('da')
	);
	await save(db, user!, ok.round, ok.school, [...others, result.pupil]);
	return success({ saved: 1 });
}

export async function deletePupil(
	db: Kysely<DB>,
	user: Actor | null,
	input: { roundId: string; schoolId: string; pseudonym: string },
	options: { today?: string } = {}
): Promise<Result<{ saved: number }>> {
	const ok = await editable(db, user, input, options.today);
	if (!ok.ok) return ok;
	const existing = await loadSchoolInputs(db, ok.round.id, ok.school.id);
	const others = existing.filter((p) => p.pseudonym !== input.pseudonym);
	if (others.length === existing.length) return refuse(404, m.allocation_err_pupil());
	await save(db, user!, ok.round, ok.school, others);
	return success({ saved: others.length });
}

async function loadSchoolInputs(db: Kysely<DB>, roundId: string, schoolId: string) {
	const pupils = await q.selectPupils(db, roundId, [schoolId]);
	const wishes = await q.selectWishes(
		db,
		pupils.map((p) => p.id)
	);
	return pupils.map((p): PupilInput => ({
		...pupilFields(p),
		wishes: wishes
			.filter((w) => w.pupilId === p.id)
			.map((w) => ({ tradeCode: w.tradeCode, offerId: w.offerId }))
	}));
}
