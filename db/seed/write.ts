import { sql, type Expression, type Transaction } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { CategorySeed, TradeSeed } from './catalogue';
import { seedId } from './ids';
import type { OrganisationSeed } from './organisations';
import type { DemoUserSeed } from './users';

type Trx = Transaction<DB>;
export type IdsBySlug = Map<string, string>;

/**
 * On conflict, take every listed column from the row that was proposed (`excluded`). Loosely
 * typed so that one helper serves every table: Kysely checks each `excluded.column` reference,
 * and `Expression<never>` fits any column's type; the column lists are checked by the callers' tests.
 */
export function fromExcluded<C extends string>(columns: readonly C[]) {
	return (eb: { ref(reference: `excluded.${C}`): Expression<unknown> }) =>
		Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])) as Record<
			C,
			Expression<never>
		>;
}

export function lookup(ids: IdsBySlug, slug: string, what: string): string {
	const id = ids.get(slug);
	if (!id) throw new Error(`Seed refers to unknown ${what} '${slug}'`);
	return id;
}

export async function upsertTrades(trx: Trx, trades: TradeSeed[]): Promise<void> {
	await trx
		.insertInto('trade')
		.values(trades)
		.onConflict((oc) => oc.column('code').doUpdateSet(fromExcluded(['nameDa', 'nameEn', 'sort'])))
		.execute();
}

const ORGANISATION_COLUMNS = [
	'kind',
	'name',
	'municipalityId',
	'description',
	'address',
	'website',
	'contactEmail'
] as const;

/**
 * Upserts by slug, so an organisation that already exists under another id is updated rather
 * than duplicated. Organisations without a municipality go first: the others point at them.
 */
export async function upsertOrganisations(
	trx: Trx,
	organisations: OrganisationSeed[]
): Promise<IdsBySlug> {
	const ids: IdsBySlug = new Map();
	const roots = organisations.filter((o) => o.municipality === null);
	const members = organisations.filter((o) => o.municipality !== null);
	for (const batch of [roots, members]) {
		const rows = await trx
			.insertInto('organisation')
			.values(
				batch.map((o) => ({
					id: seedId('organisation', o.slug),
					kind: o.kind,
					name: o.name,
					slug: o.slug,
					municipalityId: o.municipality ? lookup(ids, o.municipality, 'municipality') : null,
					description: o.description,
					address: o.address,
					website: o.website,
					contactEmail: o.contactEmail
				}))
			)
			.onConflict((oc) => oc.column('slug').doUpdateSet(fromExcluded(ORGANISATION_COLUMNS)))
			.returning(['id', 'slug'])
			.execute();
		for (const row of rows) ids.set(row.slug, row.id);
	}
	const trades = organisations.flatMap((o) =>
		o.trades.map((tradeCode) => ({
			organisationId: lookup(ids, o.slug, 'organisation'),
			tradeCode
		}))
	);
	if (trades.length > 0) {
		await trx
			.insertInto('organisationTrade')
			.values(trades)
			.onConflict((oc) => oc.columns(['organisationId', 'tradeCode']).doNothing())
			.execute();
	}
	return ids;
}

/** Existing users keep their password: seeding again must not undo a changed password. */
export async function upsertUsers(
	trx: Trx,
	users: DemoUserSeed[],
	organisationIds: IdsBySlug,
	passwordHash: string | null
): Promise<void> {
	const rows = await trx
		.insertInto('appUser')
		.values(
			users.map((u) => ({
				id: seedId('user', u.email.toLowerCase()),
				email: u.email,
				name: u.name,
				passwordHash,
				isSecretariat: u.isSecretariat
			}))
		)
		.onConflict((oc) =>
			oc.expression(sql`lower(email)`).doUpdateSet(fromExcluded(['name', 'isSecretariat']))
		)
		.returning(['id', 'email'])
		.execute();
	const userIds = new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
	await trx
		.insertInto('membership')
		.values(
			users.map((u) => ({
				userId: lookup(userIds, u.email.toLowerCase(), 'user'),
				organisationId: lookup(organisationIds, u.organisation, 'organisation'),
				role: u.role
			}))
		)
		.onConflict((oc) =>
			oc.columns(['userId', 'organisationId']).doUpdateSet(fromExcluded(['role']))
		)
		.execute();
}

export async function upsertCategories(trx: Trx, categories: CategorySeed[]): Promise<IdsBySlug> {
	const rows = await trx
		.insertInto('category')
		.values(categories.map((c) => ({ id: seedId('category', c.slug), ...c })))
		.onConflict((oc) =>
			oc
				.column('slug')
				.doUpdateSet(fromExcluded(['nameDa', 'nameEn', 'pillar', 'colour', 'ring', 'sort']))
		)
		.returning(['id', 'slug'])
		.execute();
	return new Map(rows.map((r) => [r.slug, r.id]));
}
