import type { Transaction } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { ALLIANCE_ACTIVITIES } from './activities-alliance';
import { fromExcluded } from './write';
import {
	seedId,
	HEDENSTED,
	HORSENS,
	INDUSTRIMUSEET,
	LEARNMARK,
	METAL,
	DI_BYG,
	DI_SYD
} from './ids';

// The demo's alliance meetings (category alliancemoede, in activities-alliance.ts) get their
// agenda, invited organisations (those taking part) and, for the ones held before the demo's
// "today" (27 November 2026), minutes and attendance. Keyed by the activities' stable ids.

const SEPTEMBER_AGENDA = `# Dagsorden

1. Velkomst og godkendelse af dagsorden
2. Status på årshjulet 2026/27
3. Erhvervspraktik i uge 6: pladser til industritekniker og smed
4. Nye partnere i alliancen
5. Eventuelt`;

const SEPTEMBER_MINUTES = `# Referat

**Til stede:** se listen over fremmødte organisationer.

## 1. Velkomst
Dagsordenen blev godkendt.

## 2. Status på årshjulet
Sekretariatet gennemgik årshjulet. Efterårets virksomhedsbesøg er booket, og Industrimuseets
forløb for 8. klasse er næsten fuldt.

## 3. Erhvervspraktik i uge 6
- Målet er 40 pladser inden for industritekniker og smed.
- Dansk Metal og DI Sydøstjylland kontakter virksomhederne i oktober.
- UU i de tre kommuner melder elevtal ind senest uge 45.

## 4. Nye partnere
Alliancen ønsker to nye virksomheder inden for smed. Se [lærepladsalliancen](/laerepladsalliance).

## 5. Eventuelt
Næste møde holdes i marts 2027.`;

const SECRETARIAT_AGENDA = `1. Forberedelse af halvårsmødet i september
2. Opfølgning på tilmeldinger til lærepladsalliancen`;

const SECRETARIAT_MINUTES = `- Dagsorden til halvårsmødet er sendt ud.
- Learnmark samler status på GF1-inspirationsdagene.`;

const MARCH_AGENDA = `## Opfølgning på sidste referat

- Referat fra Alliancemøde september 2026 (24. september 2026)

## Dagsorden

1. Evaluering af efterårets aktiviteter
2. Erhvervspraktik i uge 6: hvordan gik det?
3. Planlægning af skoleåret 2027/28`;

interface MeetingSeed {
	agenda: string;
	minutes?: string;
	/** Slugs of the invited organisations that were present (held meetings only). */
	present?: string[];
	/** Title and date of the meeting this one was planned from. */
	previous?: string;
}

/** By title and date of the activity: 'Title@YYYY-MM-DD'. */
const MEETINGS: Record<string, MeetingSeed> = {
	'Sekretariatsmøde@2026-08-20': {
		agenda: SECRETARIAT_AGENDA,
		minutes: SECRETARIAT_MINUTES,
		present: [LEARNMARK]
	},
	'Alliancemøde september 2026@2026-09-24': {
		agenda: SEPTEMBER_AGENDA,
		minutes: SEPTEMBER_MINUTES,
		present: [HORSENS, HEDENSTED, LEARNMARK, INDUSTRIMUSEET, DI_SYD, DI_BYG, METAL]
	},
	'Sekretariatsmøde@2027-01-07': { agenda: SECRETARIAT_AGENDA },
	'Alliancemøde marts 2027@2027-03-11': {
		agenda: MARCH_AGENDA,
		previous: 'Alliancemøde september 2026@2026-09-24'
	},
	'Sekretariatsmøde@2027-06-17': { agenda: '1. Forberedelse af evalueringsworkshoppen' },
	'Evalueringsworkshop: året der gik@2027-06-22': {
		agenda: '1. Hvad virkede i 2026/27?\n2. Hvad ændrer vi i årshjulet for 2027/28?'
	}
};

const MEETING_COLUMNS = [
	'agenda',
	'minutes',
	'minutesUpdatedAt',
	'minutesUpdatedBy',
	'previousActivityId'
] as const;

/** Fixed, so a second run writes the same row. */
const MINUTES_WRITTEN_AT = new Date('2026-09-28T10:00:00+02:00');

export async function seedMeetings(trx: Transaction<DB>): Promise<number> {
	const activities = ALLIANCE_ACTIVITIES.filter((a) => a.category === 'alliancemoede');
	const idOf = new Map(
		activities.map((a) => [`${a.title}@${a.startDate}`, seedId('activity', a.key)])
	);
	const orgs = await trx.selectFrom('organisation').select(['id', 'slug']).execute();
	const orgId = new Map(orgs.map((o) => [o.slug, o.id]));
	const writer = await trx
		.selectFrom('appUser')
		.select('id')
		.where('email', '=', 'sekretariat@aarshjul.example')
		.executeTakeFirst();
	let written = 0;
	for (const activity of activities) {
		const seed = MEETINGS[`${activity.title}@${activity.startDate}`];
		if (!seed) continue;
		const activityId = seedId('activity', activity.key);
		const row = {
			activityId,
			agenda: seed.agenda,
			minutes: seed.minutes ?? '',
			minutesUpdatedAt: seed.minutes ? MINUTES_WRITTEN_AT : null,
			minutesUpdatedBy: seed.minutes ? (writer?.id ?? null) : null,
			previousActivityId: seed.previous ? (idOf.get(seed.previous) ?? null) : null
		};
		await trx
			.insertInto('meeting')
			.values(row)
			.onConflict((oc) => oc.column('activityId').doUpdateSet(fromExcluded(MEETING_COLUMNS)))
			.execute();
		const invited = activity.participants.map((slug) => {
			const id = orgId.get(slug);
			if (!id) throw new Error(`Seed meeting invites unknown organisation '${slug}'`);
			return {
				activityId,
				organisationId: id,
				invited: true,
				present: !!seed.present?.includes(slug)
			};
		});
		await trx
			.insertInto('meetingOrganisation')
			.values(invited)
			.onConflict((oc) =>
				oc
					.columns(['activityId', 'organisationId'])
					.doUpdateSet(fromExcluded(['invited', 'present']))
			)
			.execute();
		written++;
	}
	return written;
}
