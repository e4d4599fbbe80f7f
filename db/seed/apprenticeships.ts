import type { Transaction } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { COMMITMENTS, OPENINGS } from './apprenticeships-data';
import { companySlug, seedId } from './ids';
import { fromExcluded, lookup } from './write';

type Trx = Transaction<DB>;

// The lærepladsalliance demo (data in apprenticeships-data.ts); no audit events: the seed is no actor.

const COMMITMENT_COLUMNS = ['contactName', 'contactEmail', 'contactPhone', 'joinedOn'] as const;
const OPENING_COLUMNS = [
	'organisationId',
	'tradeCode',
	'positions',
	'startDate',
	'contactName',
	'contactEmail',
	'description',
	'status'
] as const;

/** Upserts commitments by company and openings by stable id: a second run adds nothing. */
export async function seedApprenticeships(
	trx: Trx
): Promise<{ commitments: number; openings: number }> {
	const rows = await trx.selectFrom('organisation').select(['id', 'slug']).execute();
	const orgs = new Map(rows.map((r) => [r.slug, r.id]));
	const contacts = new Map<string, [string, string]>();
	for (const c of COMMITMENTS) {
		const organisationId = lookup(orgs, companySlug(c.company), 'organisation');
		const [contactName, contactEmail, contactPhone] = c.contact;
		contacts.set(c.company, [contactName, contactEmail]);
		await trx
			.insertInto('allianceCommitment')
			.values({ organisationId, contactName, contactEmail, contactPhone, joinedOn: c.joinedOn })
			.onConflict((oc) => oc.column('organisationId').doUpdateSet(fromExcluded(COMMITMENT_COLUMNS)))
			.execute();
		await trx
			.insertInto('allianceCommitmentTrade')
			.values(c.trades.map((tradeCode) => ({ organisationId, tradeCode })))
			.onConflict((oc) => oc.columns(['organisationId', 'tradeCode']).doNothing())
			.execute();
	}
	for (const o of OPENINGS) {
		const [contactName, contactEmail] = contacts.get(o.company)!;
		await trx
			.insertInto('apprenticeshipOpening')
			.values({
				id: seedId('apprenticeship-opening', o.key),
				organisationId: lookup(orgs, companySlug(o.company), 'organisation'),
				tradeCode: o.trade,
				positions: o.positions,
				startDate: o.startDate,
				contactName,
				contactEmail,
				description: o.description,
				status: o.status
			})
			.onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(OPENING_COLUMNS)))
			.execute();
	}
	return { commitments: COMMITMENTS.length, openings: OPENINGS.length };
}
