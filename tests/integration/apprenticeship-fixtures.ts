import type { Kysely } from 'kysely';
import type { DB, OpeningStatus } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { beforeAll } from 'vitest';
import { buildWorld, useWorld, type UserSpec, type WorldInDatabase } from '../helpers/world';
import { seedTrades, useForRoutes } from './organisation.fixtures';

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

export async function createAllianceWorld(db: Kysely<DB>): Promise<AllianceWorld> {
	await seedTrades(db);
	const { org, users } = await buildWorld(db, {
		// Sorted before the lead trades in the catalogue, to prove the overview puts those first.
		trades: [
			{ code: 'anlaegsgartner', nameDa: 'Anlægsgartner', nameEn: 'Landscaper', sort: 5 },
			{ code: 'murer', nameDa: 'Murer', nameEn: 'Bricklayer', sort: 40 }
		],
		organisations: {
			municipality: { name: 'Horsens Kommune', kind: 'municipality' },
			alfa: { name: 'Alfa Maskiner', kind: 'company', municipality: 'municipality' },
			beta: { name: 'Beta Stål', kind: 'company', municipality: 'municipality' },
			gamma: { name: 'Gamma Smedie', kind: 'company', municipality: 'municipality' },
			delta: { name: 'Delta Teknik', kind: 'company' },
			school: { name: 'Byskolen', kind: 'school', municipality: 'municipality' },
			learnmark: { name: 'Learnmark', kind: 'vocational_school', municipality: 'municipality' },
			partner: { name: 'Dansk Metal', kind: 'partner' }
		},
		users: {
			secretariat: { name: 'Sekretariat', isSecretariat: true },
			companyAdmin: { name: 'Alfaadmin', memberships: [['alfa', 'admin']] },
			companyMember: { name: 'Alfamedlem', memberships: [['alfa', 'member']] },
			otherCompany: { name: 'Betaadmin', memberships: [['beta', 'admin']] },
			school: { name: 'Skole', memberships: [['school', 'admin']] },
			municipality: { name: 'Kommune', memberships: [['municipality', 'admin']] },
			vocationalSchool: { name: 'Learnmarker', memberships: [['learnmark', 'member']] },
			partner: { name: 'Partner', memberships: [['partner', 'member']] },
			anonymous: null
		} satisfies Record<Role, UserSpec | null>
	});
	return { org, users };
}

/**
 * The alliance world for each test of a file, in the file's test database (see useWorld);
 * `routes` also points the route handlers at that database.
 */
export function useAllianceWorld(
	options: { routes?: boolean } = {}
): WorldInDatabase<AllianceWorld> {
	const world = useWorld((database) => createAllianceWorld(database.db));
	if (options.routes) beforeAll(() => useForRoutes(world.database));
	return world;
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
