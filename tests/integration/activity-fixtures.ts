import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/engine';
import type { DB, Visibility } from '../../src/lib/server/db/schema';
import { findSessionMemberships, type SessionUser } from '../../src/lib/server/session';
import { useForRoutes } from './organisation.fixtures';

// A small alliance for activity tests: a school in Horsens owns activities, a company takes part.

export const ROLES = [
	'secretariat',
	'ownerAdmin',
	'ownerMember',
	'participantMember',
	'otherAdmin',
	'noOrganisation',
	'anonymous'
] as const;
export type RoleName = (typeof ROLES)[number];

export interface ActivityWorld {
	org: {
		horsens: string;
		odder: string;
		school: string;
		odderSchool: string;
		smedCompany: string;
		techCompany: string;
		partner: string;
	};
	category: { praktik: string; moede: string };
	users: Record<RoleName, SessionUser | null>;
}

async function organisation(
	db: Kysely<DB>,
	name: string,
	kind: DB['organisation']['kind'],
	municipalityId: string | null = null
): Promise<string> {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	const row = await db
		.insertInto('organisation')
		.values({ name, slug, kind, municipalityId })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function user(
	db: Kysely<DB>,
	name: string,
	memberships: [string, 'admin' | 'member'][],
	isSecretariat = false
): Promise<SessionUser> {
	const email = `${name.toLowerCase()}@example.dk`;
	const row = await db
		.insertInto('appUser')
		.values({ email, name, isSecretariat })
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const [organisationId, role] of memberships) {
		await db.insertInto('membership').values({ userId: row.id, organisationId, role }).execute();
	}
	return {
		id: row.id,
		email,
		name,
		isSecretariat,
		locale: 'da',
		memberships: await findSessionMemberships(db, row.id)
	};
}

export async function createWorld(database: Database): Promise<ActivityWorld> {
	const db = database.db;
	await db
		.insertInto('trade')
		.values([
			{ code: 'smed', nameDa: 'Smed', nameEn: 'Smith' },
			{ code: 'industritekniker', nameDa: 'Industritekniker', nameEn: 'Industrial technician' }
		])
		.execute();
	const horsens = await organisation(db, 'Horsens Kommune', 'municipality');
	const odder = await organisation(db, 'Odder Kommune', 'municipality');
	const school = await organisation(db, 'Byskolen', 'school', horsens);
	const odderSchool = await organisation(db, 'Odder Skole', 'school', odder);
	const smedCompany = await organisation(db, 'Smedjen ApS', 'company');
	const techCompany = await organisation(db, 'Tekniq A/S', 'company');
	const partner = await organisation(db, 'Dansk Metal', 'partner');
	await db
		.insertInto('organisationTrade')
		.values([
			{ organisationId: smedCompany, tradeCode: 'smed' },
			{ organisationId: techCompany, tradeCode: 'industritekniker' }
		])
		.execute();
	const categories = await db
		.insertInto('category')
		.values([
			{
				slug: 'erhvervspraktik',
				nameDa: 'Erhvervspraktik',
				nameEn: 'Work experience',
				pillar: 'skole_virksomhed',
				colour: '#2e7d32',
				ring: 1
			},
			{
				slug: 'alliancemoede',
				nameDa: 'Alliancemøde',
				nameEn: 'Alliance meeting',
				pillar: 'faelles',
				colour: '#fbc02d',
				ring: 2
			}
		])
		.returning(['id', 'slug'])
		.execute();
	const users: Record<RoleName, SessionUser | null> = {
		secretariat: await user(db, 'Sekretariat', [], true),
		ownerAdmin: await user(db, 'Skoleadmin', [[school, 'admin']]),
		ownerMember: await user(db, 'Skolemedlem', [[school, 'member']]),
		participantMember: await user(db, 'Smedemedlem', [[smedCompany, 'member']]),
		otherAdmin: await user(db, 'Metaladmin', [[partner, 'admin']]),
		noOrganisation: await user(db, 'Uden', []),
		anonymous: null
	};
	return {
		org: { horsens, odder, school, odderSchool, smedCompany, techCompany, partner },
		category: { praktik: categories[0].id, moede: categories[1].id },
		users
	};
}

export interface ActivitySpec {
	ownerId: string;
	categoryId: string;
	title?: string;
	description?: string;
	place?: string;
	startDate?: string;
	endDate?: string;
	startTime?: string | null;
	endTime?: string | null;
	visibility?: Visibility;
	participants?: string[];
}

export async function insertActivity(db: Kysely<DB>, spec: ActivitySpec): Promise<string> {
	const { participants = [], ...values } = spec;
	const row = await db
		.insertInto('activity')
		.values({
			title: 'Aktivitet',
			startDate: '2027-02-08',
			endDate: '2027-02-12',
			visibility: 'public',
			...values
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const organisationId of participants) {
		await db
			.insertInto('activityParticipant')
			.values({ activityId: row.id, organisationId })
			.execute();
	}
	return row.id;
}

export async function countRows(
	db: Kysely<DB>
): Promise<{ activities: number; participants: number }> {
	const a = await db
		.selectFrom('activity')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const p = await db
		.selectFrom('activityParticipant')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return { activities: Number(a.n), participants: Number(p.n) };
}

/** Points the route handlers (locals.db of fakeLocals(), and getDb()) at the test database. */
export function useTestDatabase(database: Database): void {
	useForRoutes(database);
}
