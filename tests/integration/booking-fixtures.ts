import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/engine';
import type { DB, OrganisationKind } from '../../src/lib/server/db/schema';
import { findSessionMemberships, type SessionUser } from '../../src/lib/server/session';
import { createOffer } from '../../src/lib/server/offer';
import { bookSeats, type BookSeatsInput } from '../../src/lib/server/booking';
import { offerSchema } from '../../src/lib/validation/offer';

// A small alliance for offer and booking tests: Smedjen offers places, Byskolen (Horsens) books.

/** Every test books "today" = this date, before every offer in the fixtures. */
export const TODAY = '2027-01-04';

export const PERSONS = [
	'coordinator',
	'teacher',
	'municipality',
	'otherMunicipality',
	'otherSchool',
	'providerAdmin',
	'providerMember',
	'otherCompany',
	'secretariat',
	'anonymous'
] as const;
export type Person = (typeof PERSONS)[number];

export interface BookingWorld {
	org: {
		horsens: string;
		odder: string;
		school: string;
		otherSchool: string;
		odderSchool: string;
		company: string;
		otherCompany: string;
		museum: string;
		learnmark: string;
		partner: string;
	};
	users: Record<Person, SessionUser | null>;
}

async function organisation(
	db: Kysely<DB>,
	name: string,
	kind: OrganisationKind,
	municipalityId: string | null = null
): Promise<string> {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	const row = await db
		.insertInto('organisation')
		.values({ name, slug, kind, municipalityId, contactEmail: `kontakt@${slug}.dk` })
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

export async function createBookingWorld(database: Database): Promise<BookingWorld> {
	const db = database.db;
	await db
		.insertInto('trade')
		.values([
			{ code: 'smed', nameDa: 'Smed', nameEn: 'Smith' },
			{ code: 'industritekniker', nameDa: 'Industritekniker', nameEn: 'Industrial technician' }
		])
		.execute();
	const categories = [
		['erhvervspraktik', 'skole_virksomhed'],
		['virksomhedsbesoeg', 'skole_virksomhed'],
		['industrimuseet', 'skole_virksomhed'],
		['gf1-inspirationsdag', 'rekruttering']
	] as const;
	await db
		.insertInto('category')
		.values(
			categories.map(([slug, pillar], i) => ({
				slug,
				nameDa: slug,
				nameEn: slug,
				pillar,
				colour: '#2e7d32',
				ring: i + 1
			}))
		)
		.execute();
	const horsens = await organisation(db, 'Horsens Kommune', 'municipality');
	const odder = await organisation(db, 'Odder Kommune', 'municipality');
	const org = {
		horsens,
		odder,
		school: await organisation(db, 'Byskolen', 'school', horsens),
		otherSchool: await organisation(db, 'Bakkeskolen', 'school', horsens),
		odderSchool: await organisation(db, 'Odder Skole', 'school', odder),
		company: await organisation(db, 'Smedjen ApS', 'company', horsens),
		otherCompany: await organisation(db, 'Tekniq A/S', 'company', odder),
		museum: await organisation(db, 'Industrimuseet', 'museum', horsens),
		learnmark: await organisation(db, 'Learnmark', 'vocational_school', horsens),
		partner: await organisation(db, 'Dansk Metal', 'partner')
	};
	const users: Record<Person, SessionUser | null> = {
		coordinator: await user(db, 'Koordinator', [[org.school, 'admin']]),
		teacher: await user(db, 'Laerer', [[org.school, 'member']]),
		municipality: await user(db, 'Kommune', [[horsens, 'member']]),
		otherMunicipality: await user(db, 'Odderkommune', [[odder, 'admin']]),
		otherSchool: await user(db, 'Bakke', [[org.otherSchool, 'admin']]),
		providerAdmin: await user(db, 'Smedeadmin', [[org.company, 'admin']]),
		providerMember: await user(db, 'Smedemedlem', [[org.company, 'member']]),
		otherCompany: await user(db, 'Tekniq', [[org.otherCompany, 'admin']]),
		secretariat: await user(db, 'Sekretariat', [[org.partner, 'admin']], true),
		anonymous: null
	};
	return { org, users };
}

export type OfferFields = Record<string, unknown>;

/** Form-like input for a company visit on Wednesday 10 February 2027 (uge 6), 09–11. */
export function visitFields(world: BookingWorld, over: OfferFields = {}): OfferFields {
	return {
		kind: 'visit',
		ownerId: world.org.company,
		title: 'Besøg på smedjen',
		gradeLevels: ['8', '9'],
		capacity: '5',
		dates: ['2027-02-10'],
		startTime: '09:00',
		endTime: '11:00',
		contactName: 'Lars Smed',
		contactEmail: 'lars@smedjen.dk',
		address: 'Stålgade 1, 8700 Horsens',
		whatToBring: 'Sikkerhedssko',
		whatYouSee: 'Svejsning og CNC',
		visibility: 'alliance',
		...over
	};
}

/** Erhvervspraktik as smed in uge 10 of 2027 (8–12 March). */
export function praktikFields(world: BookingWorld, over: OfferFields = {}): OfferFields {
	return visitFields(world, {
		kind: 'erhvervspraktik',
		title: 'Erhvervspraktik som smed',
		tradeCode: 'smed',
		weeks: ['2027-W10'],
		dates: [],
		startTime: '',
		endTime: '',
		...over
	});
}

/** Creates an offer as the provider admin; returns the first offer id. */
export async function makeOffer(
	db: Kysely<DB>,
	world: BookingWorld,
	fields: OfferFields
): Promise<string> {
	const result = await createOffer(db, world.users.secretariat!, offerSchema.parse(fields));
	if (!result.ok)
		throw new Error(`createOffer failed: ${result.message} ${JSON.stringify(result.errors)}`);
	return result.value.offerIds[0];
}

export function bookingInput(
	world: BookingWorld,
	offerId: string,
	over: Partial<BookSeatsInput> = {}
): BookSeatsInput {
	return {
		offerId,
		schoolId: world.org.school,
		classLabel: '8.B',
		seats: 1,
		teacherName: 'Rasmus Lærer',
		teacherEmail: 'rasmus@byskolen.dk',
		idempotencyKey: randomUUID(),
		...over
	};
}

/** Books as the school coordinator (or `as`) on TODAY; throws when refused. */
export async function book(
	db: Kysely<DB>,
	world: BookingWorld,
	offerId: string,
	over: Partial<BookSeatsInput> = {},
	as: Person = 'coordinator'
) {
	const result = await bookSeats(db, world.users[as], bookingInput(world, offerId, over), {
		today: TODAY
	});
	if (!result.ok) throw new Error(`bookSeats failed: ${result.message}`);
	return result.value.booking;
}

export async function counts(db: Kysely<DB>) {
	const rows = await db.selectFrom('booking').select(['status', 'seats']).execute();
	const outbox = await db.selectFrom('outbox').select('id').execute();
	return {
		bookings: rows.length,
		seats: rows
			.filter((r) => r.status === 'requested' || r.status === 'confirmed')
			.reduce((s, r) => s + r.seats, 0),
		outbox: outbox.length
	};
}
