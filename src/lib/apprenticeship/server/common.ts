import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import type { AllianceCompany, ApprenticeshipUser } from './policy';
import { UUID, refuse, type Refusal } from '$lib/platform/server/http/result';

// Shared by the commitment and opening modules: finding the company, refusing, checking trades.

export type Db = Kysely<DB> | Transaction<DB>;
export type AllianceActor = (ApprenticeshipUser & { id: string }) | null;

export async function findCompany(
	db: Db,
	id: string
): Promise<(AllianceCompany & { name: string }) | null> {
	if (!UUID.test(id)) return null;
	const row = await db
		.selectFrom('organisation')
		.select(['id', 'kind', 'name'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

function belongsTo(user: ApprenticeshipUser | null, organisationId: string): boolean {
	return (
		user !== null &&
		(user.isSecretariat || user.memberships.some((ms) => ms.organisationId === organisationId))
	);
}

/**
 * Refused change: the company's own people learn that they lack the role (403); anyone else is
 * told nothing exists (404), so another company's commitment or opening is not even confirmed.
 */
export function changeRefusal(
	user: ApprenticeshipUser | null,
	organisationId: string,
	allowed: boolean,
	notFound: () => string
): Refusal | null {
	if (allowed) return null;
	return belongsTo(user, organisationId)
		? refuse(403, m.alliance_err_forbidden())
		: refuse(404, notFound());
}

/** Trade names by code for the codes that exist; unknown codes are simply missing. */
export async function tradeNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
	if (codes.length === 0) return new Map();
	const rows = await db
		.selectFrom('trade')
		.select(['code', 'nameDa'])
		.where('code', 'in', [...codes])
		.execute();
	return new Map(rows.map((r) => [r.code, r.nameDa]));
}

/** A 400 naming the first code that is not in the trade catalogue, or null when all are known. */
export function unknownTradeRefusal(
	codes: readonly string[],
	known: Map<string, string>,
	field: 'trades' | 'tradeCode'
): Refusal | null {
	const unknown = codes.find((c) => !known.has(c));
	if (unknown === undefined) return null;
	const message = m.alliance_err_trade_unknown({ code: unknown.slice(0, 60) });
	return refuse(400, m.form_fix_errors(), { [field]: message });
}

export async function commitmentTrades(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('allianceCommitmentTrade')
		.select('tradeCode')
		.where('organisationId', '=', organisationId)
		.execute();
	return rows.map((r) => r.tradeCode);
}
