import type { Kysely } from 'kysely';
import type { DB, BookingStatus, OfferKind, Pillar } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import {
	addMember,
	makeOrganisation,
	makeUser,
	seedTrades,
	sessionUser
} from './organisation.fixtures';

// A small alliance whose report figures are counted by hand in report-figures.test.ts. School year
// 2026/27; the tests' "now" is 15 January 2027 unless a test says otherwise.

export const NOW = new Date('2027-01-15T10:00:00Z');

export const READERS = ['secretariat', 'municipality', 'museum', 'vocational', 'partner', 'mixed'];
export const OUTSIDERS = ['school', 'company'];

export async function createReportWorld(db: Kysely<DB>) {
	await seedTrades(db);
	const categories = {} as Record<string, string>;
	const CATEGORIES: [string, Pillar][] = [
		['erhvervspraktik', 'skole_virksomhed'],
		['virksomhedsbesoeg', 'skole_virksomhed'],
		['industrimuseet', 'skole_virksomhed'],
		['gf1', 'rekruttering'],
		['uddannelsesmesse', 'rekruttering'],
		['kampagne', 'rekruttering']
	];
	for (const [i, [slug, pillar]] of CATEGORIES.entries()) {
		const row = await db
			.insertInto('category')
			.values({
				slug,
				nameDa: `Kat ${slug}`,
				nameEn: `Cat ${slug}`,
				pillar,
				colour: '#2e7d32',
				ring: 1,
				sort: i
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		categories[slug] = row.id;
	}
	const org = async (
		name: string,
		kind: Parameters<typeof makeOrganisation>[1]['kind'],
		municipalityId: string | null = null,
		slug?: string
	) => (await makeOrganisation(db, { name, kind, municipalityId, slug })).id;
	const hedensted = await org('Hedensted Kommune', 'municipality', null, 'hedensted-kommune');
	const horsens = await org('Horsens Kommune', 'municipality', null, 'horsens-kommune');
	const o = {
		hedensted,
		horsens,
		hedSchool: await org('Løsning Skole', 'school', hedensted),
		horSchool: await org('Byskolen', 'school', horsens),
		smedCo: await org('Smedjen ApS', 'company', horsens),
		industriCo: await org('Maskinen A/S', 'company', hedensted),
		museum: await org('Industrimuseet', 'museum', horsens),
		learnmark: await org('Learnmark', 'vocational_school', horsens),
		partner: await org('Dansk Metal', 'partner')
	};
	await db
		.insertInto('organisationTrade')
		.values([
			{ organisationId: o.smedCo, tradeCode: 'smed' },
			{ organisationId: o.industriCo, tradeCode: 'industritekniker' }
		])
		.execute();

	const person = async (email: string, memberships: string[], isSecretariat = false) => {
		const u = await makeUser(db, email, { isSecretariat });
		for (const id of memberships) await addMember(db, u.id, id, 'member');
		return sessionUser(db, u.id);
	};
	const users: Record<string, SessionUser | null> = {
		secretariat: await person('sek@example.dk', [o.partner], true),
		municipality: await person('kommune@example.dk', [o.hedensted]),
		museum: await person('museum@example.dk', [o.museum]),
		vocational: await person('learnmark@example.dk', [o.learnmark]),
		partner: await person('metal@example.dk', [o.partner]),
		mixed: await person('begge@example.dk', [o.hedSchool, o.partner]),
		school: await person('skole@example.dk', [o.hedSchool]),
		company: await person('smed@example.dk', [o.smedCo]),
		anonymous: null
	};

	const activity = async (
		owner: string,
		category: string,
		start: string,
		end = start,
		status: 'planned' | 'cancelled' = 'planned'
	) =>
		(
			await db
				.insertInto('activity')
				.values({
					ownerId: owner,
					categoryId: categories[category],
					title: `${category} ${start}`,
					startDate: start,
					endDate: end,
					visibility: 'alliance',
					status
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const offer = async (
		kind: OfferKind,
		activityId: string,
		capacity: number,
		tradeCode: string | null = null,
		status: 'open' | 'cancelled' = 'open'
	) =>
		(
			await db
				.insertInto('offer')
				.values({ activityId, kind, capacity, tradeCode, gradeLevels: [8, 9], status })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	let n = 0;
	const book = async (offerId: string, schoolId: string, seats: number, status: BookingStatus) => {
		n += 1;
		await db
			.insertInto('booking')
			.values({
				offerId,
				schoolId,
				seats,
				status,
				classLabel: '8.A',
				teacherName: 'Lærer',
				teacherEmail: 'l@example.dk',
				idempotencyKey: `fixture-${n}`
			})
			.execute();
	};
	const evaluate = async (
		activityId: string,
		organisationId: string,
		participants: number,
		rating: number
	) => {
		await db
			.insertInto('evaluation')
			.values({ activityId, organisationId, participants, rating })
			.execute();
	};

	// Erhvervspraktik
	const p1 = await activity(o.smedCo, 'erhvervspraktik', '2026-11-02', '2026-11-06');
	const p1o = await offer('erhvervspraktik', p1, 4, 'smed');
	await book(p1o, o.hedSchool, 2, 'confirmed');
	await book(p1o, o.horSchool, 1, 'requested');
	await book(p1o, o.hedSchool, 1, 'declined');
	await book(p1o, o.horSchool, 1, 'cancelled');
	await evaluate(p1, o.hedSchool, 2, 5);
	const p2o = await offer(
		'erhvervspraktik',
		await activity(o.smedCo, 'erhvervspraktik', '2027-02-08', '2027-02-12'),
		3,
		'smed'
	);
	await book(p2o, o.hedSchool, 1, 'confirmed');
	await book(p2o, o.horSchool, 2, 'waitlisted');
	const p3o = await offer(
		'erhvervspraktik',
		await activity(o.industriCo, 'erhvervspraktik', '2026-09-14', '2026-09-18'),
		5,
		'industritekniker'
	);
	await book(p3o, o.horSchool, 3, 'confirmed');
	await offer(
		'erhvervspraktik',
		await activity(o.smedCo, 'erhvervspraktik', '2026-10-05', '2026-10-09'),
		10,
		'smed',
		'cancelled'
	);
	await offer(
		'erhvervspraktik',
		await activity(o.smedCo, 'erhvervspraktik', '2027-09-06', '2027-09-10'),
		7,
		'smed'
	);

	// Visits
	const v1o = await offer('visit', await activity(o.smedCo, 'virksomhedsbesoeg', '2026-10-01'), 50);
	await book(v1o, o.hedSchool, 20, 'confirmed');
	await book(v1o, o.horSchool, 25, 'confirmed');
	const v2o = await offer(
		'visit',
		await activity(o.industriCo, 'virksomhedsbesoeg', '2027-03-03'),
		40
	);
	await book(v2o, o.horSchool, 24, 'confirmed');
	await book(v2o, o.hedSchool, 10, 'requested');

	// Forløb
	const f1 = await activity(o.museum, 'industrimuseet', '2026-11-20');
	const f1o = await offer('forloeb', f1, 50);
	await book(f1o, o.hedSchool, 18, 'confirmed');
	await book(f1o, o.horSchool, 22, 'confirmed');
	await evaluate(f1, o.museum, 40, 5);
	await evaluate(f1, o.hedSchool, 18, 4);
	await offer('forloeb', await activity(o.museum, 'industrimuseet', '2027-04-15'), 28);
	const f3o = await offer(
		'forloeb',
		await activity(o.learnmark, 'gf1', '2027-02-03'),
		24,
		'industritekniker'
	);
	await book(f3o, o.horSchool, 12, 'confirmed');

	// Recruitment
	const r1 = await activity(o.partner, 'uddannelsesmesse', '2026-10-10');
	await evaluate(r1, o.partner, 300, 4);
	await evaluate(r1, o.learnmark, 200, 3);
	await activity(o.partner, 'kampagne', '2027-03-01');
	await activity(o.partner, 'uddannelsesmesse', '2027-01-20', '2027-01-20', 'cancelled');

	return { org: o, users, categories };
}
export type ReportWorld = Awaited<ReturnType<typeof createReportWorld>>;
