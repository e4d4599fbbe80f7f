import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { CommitmentInput } from '$lib/apprenticeship/schema';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { recordAudit } from '$lib/audit/server';
import { canJoinAlliance, canLeaveAlliance, canUpdateCommitment } from './policy';
import { changeRefusal, unknownTradeRefusal } from './common';
import {
	commitmentTrades,
	deleteCommitment,
	deleteOpenOpenings,
	findCompany,
	findOpenOpeningTradeOutside,
	insertCommitment,
	lockCommitment,
	replaceCommitmentTrades,
	tradeNames,
	updateCommitmentContact
} from './queries';
import { refuse, success, type Refusal, type Result } from '$lib/platform/server/http/result';

export * from './openings';
export * from './queries';
export * from './overview';

// A company's commitment to the lærepladsalliance: joining, changing it and leaving.

type Rule = typeof canJoinAlliance;

/** The company, when the user may do `rule` to it; otherwise the refusal to answer with. */
async function companyFor(trx: Transaction<DB>, user: Actor | null, id: string, rule: Rule) {
	const company = await findCompany(trx, id);
	if (!company || company.kind !== 'company' || !user) {
		return { refusal: refuse(404, m.alliance_err_company_not_found()) };
	}
	const refusal = changeRefusal(user, company.id, rule(user, company), () =>
		m.alliance_err_company_not_found()
	);
	return refusal ? { refusal } : { refusal: null, company, user };
}

type Company = NonNullable<Awaited<ReturnType<typeof findCompany>>>;

/** One change of a company's commitment in one transaction, when the user may do `rule` to it. */
function changeCompany<T>(
	db: Kysely<DB>,
	user: Actor | null,
	companyId: string,
	rule: Rule,
	change: (trx: Transaction<DB>, company: Company, actor: Actor) => Promise<Result<T>>
): Promise<Result<T>> {
	return db.transaction().execute(async (trx) => {
		const found = await companyFor(trx, user, companyId, rule);
		if (found.refusal) return found.refusal;
		return change(trx, found.company, found.user);
	});
}

/** The named trades by code, or a 400 when one is not in the catalogue. */
async function namedTrades(
	trx: Transaction<DB>,
	codes: string[]
): Promise<{ refusal: Refusal } | { refusal: null; names: Map<string, string> }> {
	const names = await tradeNames(trx, codes);
	const refusal = unknownTradeRefusal(codes, names, 'trades');
	return refusal ? { refusal } : { refusal: null, names };
}

function contact(input: CommitmentInput) {
	return {
		contactName: input.contactName,
		contactEmail: input.contactEmail,
		contactPhone: input.contactPhone,
		note: input.note
	};
}

/**
 * The end of a join or an update: the commitment names exactly these trades, and the audit line
 * says so (the company and the trades' names).
 */
async function finishCommitment(
	trx: Transaction<DB>,
	actor: Actor,
	company: { id: string; name: string },
	action: 'create' | 'update',
	trades: { codes: string[]; names: Map<string, string> }
): Promise<Result<{ organisationId: string }>> {
	await replaceCommitmentTrades(trx, company.id, trades.codes);
	const what = action === 'create' ? 'Tilsagn til lærepladsalliancen' : 'Tilsagn ændret';
	await recordAudit(trx, {
		actorId: actor.id,
		organisationId: company.id,
		action,
		entityType: 'alliance_commitment',
		entityId: company.id,
		summary: `${what}: ${company.name} (${[...trades.names.values()].join(', ')})`
	});
	return success({ organisationId: company.id });
}

export async function joinAlliance(
	db: Kysely<DB>,
	user: Actor | null,
	companyId: string,
	input: CommitmentInput
): Promise<Result<{ organisationId: string }>> {
	return changeCompany(db, user, companyId, canJoinAlliance, async (trx, company, actor) => {
		const trades = await namedTrades(trx, input.trades);
		if (trades.refusal) return trades.refusal;
		// A second join (another tab, a double click) finds the row there and is told so.
		if (!(await insertCommitment(trx, company.id, contact(input), actor.id)))
			return refuse(409, m.alliance_err_already_joined());
		return finishCommitment(trx, actor, company, 'create', {
			codes: input.trades,
			names: trades.names
		});
	});
}

export async function updateCommitment(
	db: Kysely<DB>,
	user: Actor | null,
	companyId: string,
	input: CommitmentInput
): Promise<Result<{ organisationId: string }>> {
	return changeCompany(db, user, companyId, canUpdateCommitment, async (trx, company, actor) => {
		if (!(await lockCommitment(trx, company.id, 'update')))
			return refuse(404, m.alliance_err_not_joined());
		const trades = await namedTrades(trx, input.trades);
		if (trades.refusal) return trades.refusal;
		// An open opening in a trade the company no longer names would be an advert it disowns.
		const orphan = await findOpenOpeningTradeOutside(trx, company.id, input.trades);
		if (orphan) {
			const message = m.alliance_err_trade_has_openings({ trade: orphan });
			return refuse(409, message, { trades: message });
		}
		await updateCommitmentContact(trx, company.id, contact(input));
		return finishCommitment(trx, actor, company, 'update', {
			codes: input.trades,
			names: trades.names
		});
	});
}

/**
 * Leaving withdraws the company's open openings (it no longer offers them through the alliance);
 * filled ones stay, since they are apprentices the alliance placed that year.
 */
export async function leaveAlliance(
	db: Kysely<DB>,
	user: Actor | null,
	companyId: string
): Promise<Result<{ organisationId: string; withdrawn: number }>> {
	return changeCompany(db, user, companyId, canLeaveAlliance, async (trx, company, actor) => {
		const trades = await commitmentTrades(trx, company.id);
		if (!(await deleteCommitment(trx, company.id))) return refuse(404, m.alliance_err_not_joined());
		const withdrawn = await deleteOpenOpenings(trx, company.id);
		for (const opening of withdrawn) {
			await recordAudit(trx, {
				actorId: actor.id,
				organisationId: company.id,
				action: 'delete',
				entityType: 'apprenticeship_opening',
				entityId: opening.id,
				summary: `Lærepladsopslag trukket tilbage ved udmeldelse: ${opening.tradeCode}, ${opening.positions} pladser, start ${opening.startDate}`
			});
		}
		await recordAudit(trx, {
			actorId: actor.id,
			organisationId: company.id,
			action: 'delete',
			entityType: 'alliance_commitment',
			entityId: company.id,
			summary: `Udmeldt af lærepladsalliancen: ${company.name} (${trades.join(', ')})`
		});
		return success({ organisationId: company.id, withdrawn: withdrawn.length });
	});
}
