import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { CommitmentInput } from '$lib/apprenticeship/schema';
import type { DB } from '$lib/platform/server/db/schema';
import { recordAudit } from '$lib/audit/server';
import { canJoinAlliance, canLeaveAlliance, canUpdateCommitment } from './policy';
import {
	changeRefusal,
	commitmentTrades,
	findCompany,
	tradeNames,
	unknownTradeRefusal,
	type AllianceActor
} from './common';
import { refuse, success, type Result } from '$lib/platform/server/http/result';

export * from './openings';
export * from './queries';
export * from './overview';

// A company's commitment to the lærepladsalliance: joining, changing it and leaving.

type Rule = typeof canJoinAlliance;

/** The company, when the user may do `rule` to it; otherwise the refusal to answer with. */
async function companyFor(trx: Transaction<DB>, user: AllianceActor, id: string, rule: Rule) {
	const company = await findCompany(trx, id);
	if (!company || company.kind !== 'company' || !user) {
		return { refusal: refuse(404, m.alliance_err_company_not_found()) };
	}
	const refusal = changeRefusal(user, company.id, rule(user, company), () =>
		m.alliance_err_company_not_found()
	);
	return refusal ? { refusal } : { refusal: null, company, user };
}

async function writeTrades(trx: Transaction<DB>, organisationId: string, codes: string[]) {
	await trx
		.deleteFrom('allianceCommitmentTrade')
		.where('organisationId', '=', organisationId)
		.execute();
	await trx
		.insertInto('allianceCommitmentTrade')
		.values(codes.map((tradeCode) => ({ organisationId, tradeCode })))
		.execute();
}

function columns(input: CommitmentInput) {
	return {
		contactName: input.contactName,
		contactEmail: input.contactEmail,
		contactPhone: input.contactPhone,
		note: input.note
	};
}

export async function joinAlliance(
	db: Kysely<DB>,
	user: AllianceActor,
	companyId: string,
	input: CommitmentInput
): Promise<Result<{ organisationId: string }>> {
	return db.transaction().execute(async (trx) => {
		const found = await companyFor(trx, user, companyId, canJoinAlliance);
		if (found.refusal) return found.refusal;
		const { company, user: actor } = found;
		const names = await tradeNames(trx, input.trades);
		const unknown = unknownTradeRefusal(input.trades, names, 'trades');
		if (unknown) return unknown;
		// A second join (another tab, a double click) finds the row there and is told so.
		const inserted = await trx
			.insertInto('allianceCommitment')
			.values({ ...columns(input), organisationId: company.id, createdBy: actor.id })
			.onConflict((oc) => oc.column('organisationId').doNothing())
			.returning('organisationId')
			.executeTakeFirst();
		if (!inserted) return refuse(409, m.alliance_err_already_joined());
		await writeTrades(trx, company.id, input.trades);
		await recordAudit(trx, {
			actorId: actor.id,
			organisationId: company.id,
			action: 'create',
			entityType: 'alliance_commitment',
			entityId: company.id,
			summary: `Tilsagn til lærepladsalliancen: ${company.name} (${[...names.values()].join(', ')})`
		});
		return success({ organisationId: company.id });
	});
}

export async function updateCommitment(
	db: Kysely<DB>,
	user: AllianceActor,
	companyId: string,
	input: CommitmentInput
): Promise<Result<{ organisationId: string }>> {
	return db.transaction().execute(async (trx) => {
		const found = await companyFor(trx, user, companyId, canUpdateCommitment);
		if (found.refusal) return found.refusal;
		const { company, user: actor } = found;
		const current = await trx
			.selectFrom('allianceCommitment')
			.select('organisationId')
			.where('organisationId', '=', company.id)
			.forUpdate()
			.executeTakeFirst();
		if (!current) return refuse(404, m.alliance_err_not_joined());
		const names = await tradeNames(trx, input.trades);
		const unknown = unknownTradeRefusal(input.trades, names, 'trades');
		if (unknown) return unknown;
		// An open opening in a trade the company no longer names would be an advert it disowns.
		const orphan = await trx
			.selectFrom('apprenticeshipOpening')
			.innerJoin('trade', 'trade.code', 'apprenticeshipOpening.tradeCode')
			.select('trade.nameDa')
			.where('organisationId', '=', company.id)
			.where('status', '=', 'open')
			.where('tradeCode', 'not in', input.trades)
			.executeTakeFirst();
		if (orphan) {
			const message = m.alliance_err_trade_has_openings({ trade: orphan.nameDa });
			return refuse(409, message, { trades: message });
		}
		await trx
			.updateTable('allianceCommitment')
			.set({ ...columns(input), updatedAt: new Date() })
			.where('organisationId', '=', company.id)
			.execute();
		await writeTrades(trx, company.id, input.trades);
		await recordAudit(trx, {
			actorId: actor.id,
			organisationId: company.id,
			action: 'update',
			entityType: 'alliance_commitment',
			entityId: company.id,
			summary: `Tilsagn ændret: ${company.name} (${[...names.values()].join(', ')})`
		});
		return success({ organisationId: company.id });
	});
}

/**
 * Leaving withdraws the company's open openings (it no longer offers them through the alliance);
 * filled ones stay, since they are apprentices the alliance placed that year.
 */
export async function leaveAlliance(
	db: Kysely<DB>,
	user: AllianceActor,
	companyId: string
): Promise<Result<{ organisationId: string; withdrawn: number }>> {
	return db.transaction().execute(async (trx) => {
		const found = await companyFor(trx, user, companyId, canLeaveAlliance);
		if (found.refusal) return found.refusal;
		const { company, user: actor } = found;
		const trades = await commitmentTrades(trx, company.id);
		const removed = await trx
			.deleteFrom('allianceCommitment')
			.where('organisationId', '=', company.id)
			.returning('organisationId')
			.executeTakeFirst();
		if (!removed) return refuse(404, m.alliance_err_not_joined());
		const withdrawn = await trx
			.deleteFrom('apprenticeshipOpening')
			.where('organisationId', '=', company.id)
			.where('status', '=', 'open')
			.returning(['id', 'tradeCode', 'positions', 'startDate'])
			.execute();
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
