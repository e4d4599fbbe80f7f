import type { Kysely } from 'kysely';
import type { DB, OpeningStatus, OrganisationKind } from '../../src/lib/server/db/schema';
import { findSessionMemberships, type SessionUser } from '../../src/lib/server/session';
import { seedTrades } from './organisation.fixtures';

// A small lærepladsalliance: Alfa (the acting company), Beta (another company), Gamma and Delta
// (committed, for the follow-up list), and one organisation of every other kind.

export const ROLES = [
	'secretariat',
	'companyAdmin',
	'companyMember',
	'otherCompany',
	'school',
	'municipality',
	'vocationalSchool',
	'partner',
	'anonymous'
] as const;
export type Role = (typeof ROLES)[number];

export interface AllianceWorld {
	org: Record<
		'alfa' | 'beta' | 'gamma' | 'delta' | 'school' | 'municipality' | 'learnmark' | 'partner',
		string
	>;
	users: Record<Role, SessionUser | null>;
}

async function organisation(db: Kysely<DB>, name: string, kind: OrganisationKind, mun?: string) {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	const row = await db
		.insertInto('organisation')
		.values({ name, slug, kind, municipalityId: mun ?? null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function user(
	db: Kysely<DB>,
	name: string,
	membership: [string, 'admin' | 'member'] | null,
	isSecretariat = false
): Promise<SessionUser> {
	const email = `${name.toLowerCase()}@example.dk`;
	const row = await db
		.insertInto('appUser')
		.values({ email, name, isSecretariat })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (membership) {
		const [organisationId, role] = membership;
		await db.insertInto('membership').values({ userId: row.id, organisationId, role }).execute();
	}
	const memberships = await findSessionMemberships(db, row.id);
	return { id: row.id, email, name, isSecretariat, locale: 'da', memberships };
}

export async function createAllianceWorld(db: Kysely<DB>): Promise<AllianceWorld> {
	await seedTrades(db);
	// Sorted before the lead trades in the catalogue, to prove the overview puts those first.
	await db
		.insertInto('trade')
		.values([
			{ code: 'anlaegsgartner', nameDa: 'Anlægsgartner', nameEn: 'Landscaper', sort: 5 },
			{ code: 'murer', nameDa: 'Murer', nameEn: 'Bricklayer', sort: 40 }
		])
		.execute();
	const municipality = await organisation(db, 'Horsens Kommune', 'municipality');
	const org = {
		municipality,
		alfa: await organisation(db, 'Alfa Maskiner', 'company', municipality),
		beta: await organisation(db, 'Beta Stål', 'company', municipality),
		gamma: await organisation(db, 'Gamma Smedie', 'company', municipality),
		delta: await organisation(db, 'Delta Teknik', 'company'),
		school: await organisation(db, 'Byskolen', 'school', municipality),
		learnmark: await organisation(db, 'Learnmark', 'vocational_school', municipality),
		partner: await organisation(db, 'Dansk Metal', 'partner')
	};
	const users: Record<Role, SessionUser | null> = {
		secretariat: await user(db, 'Sekretariat', null, true),
		companyAdmin: await user(db, 'Alfaadmin', [org.alfa, 'admin']),
		companyMember: await user(db, 'Alfamedlem', [org.alfa, 'member']),
		otherCompany: await user(db, 'Betaadmin', [org.beta, 'admin']),
		school: await user(db, 'Skole', [org.school, 'admin']),
		municipality: await user(db, 'Kommune', [municipality, 'admin']),
		vocationalSchool: await user(db, 'Learnmarker', [org.learnmark, 'member']),
		partner: await user(db, 'Partner', [org.partner, 'member']),
		anonymous: null
	};
	return { org, users };
}

export async function commit(
	db: Kysely<DB>,
	organisationId: string,
	trades: string[],
	joinedOn = '2026-05-01'
) {
	await db
		.insertInto('allianceCommitment')
		.values({
			organisationId,
			contactName: 'Kontakt',
			contactEmail: 'kontakt@example.dk',
			contactPhone: '75 00 00 00',
			joinedOn
		})
		.execute();
	await db
		.insertInto('allianceCommitmentTrade')
		.values(trades.map((tradeCode) => ({ organisationId, tradeCode })))
		.execute();
}

export async function addOpening(
	db: Kysely<DB>,
	organisationId: string,
	tradeCode: string,
	positions: number,
	startDate: string,
	status: OpeningStatus = 'open'
): Promise<string> {
	const row = await db
		.insertInto('apprenticeshipOpening')
		.values({
			organisationId,
			tradeCode,
			positions,
			startDate,
			status,
			contactName: 'Kontakt',
			contactEmail: 'kontakt@example.dk'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Rows in every table these features write, to prove a refused request wrote nothing. */
export async function allianceCounts(db: Kysely<DB>) {
	const count = async (
		table: 'allianceCommitment' | 'allianceCommitmentTrade' | 'apprenticeshipOpening' | 'auditEvent'
	) =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		commitments: await count('allianceCommitment'),
		trades: await count('allianceCommitmentTrade'),
		openings: await count('apprenticeshipOpening'),
		audit: await count('auditEvent')
	};
}

/** The opening form as a company fills it in. */
export function openingFields(over: Record<string, string> = {}): Record<string, string> {
	return {
		tradeCode: 'smed',
		positions: '2',
		startDate: '2027-01-04',
		contactName: 'Lise Lærling',
		contactEmail: 'lise@alfa.dk',
		description: 'Svejsning og montage',
		status: 'open',
		...over
	};
}

/** The commitment form. */
export function commitmentFields(
	over: Record<string, string | string[]> = {}
): Record<string, string | string[]> {
	return {
		trades: ['smed', 'industritekniker'],
		contactName: 'Anna Alfa',
		contactEmail: 'anna@alfa.dk',
		contactPhone: '75 62 00 00',
		note: '',
		...over
	};
}
