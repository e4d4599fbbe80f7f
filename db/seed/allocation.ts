import type { Transaction } from 'kysely';
import type { AgeGroupValue, DB } from '../../src/lib/platform/server/db/schema';
import { seededRandom } from '../../src/lib/allocation/first-come';
import { COMPANIES } from './companies';
import { companySlug, schoolWeek, seedId, slugify } from './ids';
import { ORGANISATIONS } from './organisations';
import { lookup, type IdsBySlug } from './write';

// The demo praktikfordeling: weeks 5–6 of 2027, five demo companies with one place per week in
// their first trade (4 pupils a week), and a sample of every demo school's 8th grade (two pupils a
// class) as pseudonyms with ranked wishes: a little short of places, so some pupils go unplaced
// and the reasons show. Few places, because each is an activity on an already full wheel. The round is open, so a newcomer can run it and see it before and after allocation.
// Wishes come from a seeded generator: the same seed gives the same demo every time.

type Trx = Transaction<DB>;

export const DEMO_ROUND_ID = seedId('allocation-round', 'uge-5-6-2027');
const WEEKS = [5, 6] as const;
const CLASSES = ['8.A', '8.B'] as const;
const PUPILS_PER_CLASS = 2;
/** Smed, industritekniker (two), tømrer, elektriker. */
const COMPANY_INDEXES = [0, 1, 2, 5, 6];

async function idsBySlug(trx: Trx, table: 'organisation' | 'category'): Promise<IdsBySlug> {
	const rows = await trx.selectFrom(table).select(['id', 'slug']).execute();
	return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function seedAllocation(trx: Trx): Promise<{ places: number; pupils: number }> {
	const orgs = await idsBySlug(trx, 'organisation');
	const categories = await idsBySlug(trx, 'category');
	await trx
		.insertInto('allocationRound')
		.values({
			id: DEMO_ROUND_ID,
			title: 'Erhvervspraktik 8. klasse, uge 5–6 2027',
			municipalityId: null,
			startDate: schoolWeek(2027, 5)[0],
			endDate: schoolWeek(2027, 6)[1],
			wishDeadline: '2027-01-15',
			publishDate: '2027-01-22'
		})
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();

	let places = 0;
	for (const i of COMPANY_INDEXES) {
		const company = COMPANIES[i];
		const slug = companySlug(company.name);
		const trade = company.trades[0];
		for (const week of WEEKS) {
			const key = `runde:${slug}:uge${week}`;
			const activityId = seedId('activity', `offer:${key}`);
			const [start, end] = schoolWeek(2027, week);
			await trx
				.insertInto('activity')
				.values({
					id: activityId,
					ownerId: lookup(orgs, slug, 'organisation'),
					categoryId: lookup(categories, 'erhvervspraktik', 'category'),
					title: `Praktikfordeling: ${company.name}`,
					description: 'En uge i virksomheden. Pladsen fordeles i praktikfordelingen for uge 5–6.',
					place: company.address,
					startDate: start,
					endDate: end,
					visibility: 'alliance'
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute();
			const offerId = seedId('offer', key);
			await trx
				.insertInto('offer')
				.values({
					id: offerId,
					activityId,
					groupId: seedId('offer-group', `runde:${slug}`),
					kind: 'erhvervspraktik',
					tradeCode: trade,
					gradeLevels: [8, 9],
					capacity: 4,
					contactName: 'Praktikansvarlig',
					contactEmail: `kontakt@${slug}.example.dk`,
					address: company.address
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute();
			// The smithy is for 14-year-olds and over (machines, heights).
			const minAgeGroup: AgeGroupValue = i === 0 ? 'age14plus' : 'under13';
			await trx
				.insertInto('allocationPlace')
				.values({ offerId, roundId: DEMO_ROUND_ID, minAgeGroup })
				.onConflict((oc) => oc.column('offerId').doNothing())
				.execute();
			places++;
		}
	}

	const trades = [...new Set(COMPANY_INDEXES.map((i) => COMPANIES[i].trades[0]))];
	const random = seededRandom(2027);
	const schools = ORGANISATIONS.filter((o) => o.kind === 'school');
	let pupils = 0;
	for (const school of schools) {
		const schoolId = lookup(orgs, school.slug, 'school');
		for (const classLabel of CLASSES) {
			for (let n = 1; n <= PUPILS_PER_CLASS; n++) {
				const pseudonym = `${classLabel}-${String(n).padStart(2, '0')}`;
				const id = seedId('allocation-pupil', `${slugify(school.name)}:${pseudonym}`);
				const ownPlace = classLabel === '8.B' && n === PUPILS_PER_CLASS;
				const inserted = await trx
					.insertInto('allocationPupil')
					.values({
						id,
						roundId: DEMO_ROUND_ID,
						schoolId,
						pseudonym,
						classLabel,
						grade: 8,
						ageGroup: random() < 0.6 ? 'age14plus' : 'age13',
						ownPlace
					})
					.onConflict((oc) => oc.column('id').doNothing())
					.returning('id')
					.executeTakeFirst();
				pupils++;
				if (!inserted || ownPlace) continue;
				// Two to four wishes; the agreement's two trades are wished most.
				const wished: string[] = [];
				const count = 2 + Math.floor(random() * 3);
				while (wished.length < count) {
					const t = trades[Math.floor(Math.pow(random(), 2) * trades.length)];
					if (!wished.includes(t)) wished.push(t);
				}
				await trx
					.insertInto('allocationWish')
					.values(wished.map((tradeCode, r) => ({ pupilId: id, rank: r + 1, tradeCode })))
					.execute();
			}
		}
	}
	return { places, pupils };
}

/**
 * Every demo school's pupils in grades 7–9 in 2026/27, so the erhvervspraktik duty shows had
 * (Løsning Skole's week 45), placed (the confirmed weeks of 2027) and missing. Numbers from the
 * seeded generator: 38–61 a grade. A school's own later changes are kept on a second run.
 */
export async function seedPupilCounts(trx: Trx): Promise<number> {
	const schools = ORGANISATIONS.filter((o) => o.kind === 'school');
	const orgs = await idsBySlug(trx, 'organisation');
	const random = seededRandom(2026);
	const rows = schools.flatMap((school) =>
		([7, 8, 9] as const).map((grade) => ({
			schoolId: lookup(orgs, school.slug, 'organisation'),
			schoolYear: '2026/27',
			grade,
			pupils: 38 + Math.floor(random() * 24)
		}))
	);
	await trx
		.insertInto('schoolPupilCount')
		.values(rows)
		.onConflict((oc) => oc.columns(['schoolId', 'schoolYear', 'grade']).doNothing())
		.execute();
	return rows.length;
}
