import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { NewOpeningInput, OpeningInput } from '$lib/apprenticeship/schema';
import type { AuditAction, DB, OpeningStatus } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';
import { canCreateOpening, canDeleteOpening, canEditOpening, canMarkOpeningFilled } from './policy';
import type { Actor } from '$lib/auth';
import { changeRefusal, unknownTradeRefusal } from './common';
import {
	commitmentTrades,
	deleteOpeningRow,
	findCompany,
	insertOpening,
	lockCommitment,
	lockOpeningRow,
	tradeNames,
	updateOpeningRow
} from './queries';
import { UUID, refuse, success, type Refusal, type Result } from '$lib/platform/server/http/result';

// Apprenticeship openings: a committed company publishes, edits, fills and deletes them.

type Trx = Transaction<DB>;
export type OpeningRef = { id: string; organisationId: string };
type Stored = { id: string; organisationId: string; tradeCode: string; positions: number };

const notFound = () => m.alliance_err_opening_not_found();

/**
 * The trade must exist and be one the company committed to train in; a company that has left the
 * alliance publishes nothing. Returns the trade's name for the audit line.
 */
async function tradeCheck(
	trx: Trx,
	organisationId: string,
	tradeCode: string
): Promise<{ refusal: Refusal } | { refusal: null; tradeName: string }> {
	const names = await tradeNames(trx, [tradeCode]);
	const unknown = unknownTradeRefusal([tradeCode], names, 'tradeCode');
	if (unknown) return { refusal: unknown };
	if (!(await lockCommitment(trx, organisationId, 'share')))
		return { refusal: refuse(409, m.alliance_err_not_joined_openings()) };
	if (!(await commitmentTrades(trx, organisationId)).includes(tradeCode)) {
		const message = m.alliance_err_trade_not_committed({ trade: names.get(tradeCode)! });
		return { refusal: refuse(400, m.form_fix_errors(), { tradeCode: message }) };
	}
	return { refusal: null, tradeName: names.get(tradeCode)! };
}

function summary(
	what: string,
	tradeName: string,
	input: Pick<OpeningInput, 'positions' | 'startDate'>
) {
	return `${what}: ${tradeName}, ${input.positions} ${input.positions === 1 ? 'plads' : 'pladser'}, start ${input.startDate}`;
}

export async function createOpening(
	db: Kysely<DB>,
	user: Actor | null,
	input: NewOpeningInput
): Promise<Result<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const company = await findCompany(trx, input.organisationId);
		if (!company || company.kind !== 'company' || !user) {
			return refuse(404, m.alliance_err_company_not_found());
		}
		const refusal = changeRefusal(user, company.id, canCreateOpening(user, company), () =>
			m.alliance_err_company_not_found()
		);
		if (refusal) return refusal;
		const trade = await tradeCheck(trx, company.id, input.tradeCode);
		if (trade.refusal) return trade.refusal;
		const id = await insertOpening(trx, {
			...input,
			organisationId: company.id,
			createdBy: user.id
		});
		await recordAudit(trx, {
			actorId: user.id,
			organisationId: company.id,
			action: 'create',
			entityType: 'apprenticeship_opening',
			entityId: id,
			summary: summary('Nyt lærepladsopslag', trade.tradeName, input)
		});
		return success({ id });
	});
}

/** Locks the opening for a change the user may make; anyone else is told it does not exist. */
async function lockOpening(
	trx: Trx,
	user: Actor | null,
	id: string,
	rule: typeof canEditOpening
): Promise<{ refusal: Refusal } | { refusal: null; opening: Stored; actorId: string }> {
	if (!user || !UUID.test(id)) return { refusal: refuse(404, notFound()) };
	const opening = await lockOpeningRow(trx, id);
	if (!opening) return { refusal: refuse(404, notFound()) };
	const refusal = changeRefusal(user, opening.organisationId, rule(user, opening), notFound);
	return refusal ? { refusal } : { refusal: null, opening, actorId: user.id };
}

async function audit(
	trx: Trx,
	actorId: string,
	opening: Stored,
	action: AuditAction,
	text: string
) {
	await recordAudit(trx, {
		actorId,
		organisationId: opening.organisationId,
		action,
		entityType: 'apprenticeship_opening',
		entityId: opening.id,
		summary: text
	});
}

export async function updateOpening(
	db: Kysely<DB>,
	user: Actor | null,
	id: string,
	input: OpeningInput
): Promise<Result<OpeningRef>> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockOpening(trx, user, id, canEditOpening);
		if (locked.refusal) return locked.refusal;
		const { opening, actorId } = locked;
		const trade = await tradeCheck(trx, opening.organisationId, input.tradeCode);
		if (trade.refusal) return trade.refusal;
		await updateOpeningRow(trx, opening.id, input);
		await audit(
			trx,
			actorId,
			opening,
			'update',
			summary('Lærepladsopslag ændret', trade.tradeName, input)
		);
		return success({ id: opening.id, organisationId: opening.organisationId });
	});
}

async function setStatus(db: Kysely<DB>, user: Actor | null, id: string, status: OpeningStatus) {
	return db.transaction().execute(async (trx): Promise<Result<OpeningRef>> => {
		const locked = await lockOpening(trx, user, id, canMarkOpeningFilled);
		if (locked.refusal) return locked.refusal;
		const { opening, actorId } = locked;
		await updateOpeningRow(trx, opening.id, { status });
		const what = status === 'filled' ? 'Lærepladsopslag besat' : 'Lærepladsopslag genåbnet';
		await audit(
			trx,
			actorId,
			opening,
			'update',
			`${what}: ${opening.tradeCode}, ${opening.positions} pladser`
		);
		return success({ id: opening.id, organisationId: opening.organisationId });
	});
}

/** The places are taken: the opening counts as filled in the overview. */
export function markOpeningFilled(db: Kysely<DB>, user: Actor | null, id: string) {
	return setStatus(db, user, id, 'filled');
}

/** An apprentice withdrew before starting: the places are open again. */
export function reopenOpening(db: Kysely<DB>, user: Actor | null, id: string) {
	return setStatus(db, user, id, 'open');
}

export async function deleteOpening(
	db: Kysely<DB>,
	user: Actor | null,
	id: string
): Promise<Result<OpeningRef>> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockOpening(trx, user, id, canDeleteOpening);
		if (locked.refusal) return locked.refusal;
		const { opening, actorId } = locked;
		await deleteOpeningRow(trx, opening.id);
		await audit(
			trx,
			actorId,
			opening,
			'delete',
			`Lærepladsopslag slettet: ${opening.tradeCode}, ${opening.positions} pladser`
		);
		return success({ id: opening.id, organisationId: opening.organisationId });
	});
}
