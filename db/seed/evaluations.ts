import type { Transaction } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { INDUSTRIMUSEET, LEARNMARK, SECRETARIAT, HORSENS, METAL, seedId } from './ids';
import { lookup } from './write';

// Evaluations of activities of 2026/27 that ended before the demo's today (27 November 2026):
// praktik weeks, company visits, museum forløb, fairs. Some ended activities are left without an
// evaluation on purpose, so /evalueringer has something to show (and reports count the gaps).

export interface EvaluationSeed {
	/** The activity's seed key (see activity() in ./activity). */
	activity: string;
	/** Slug of the evaluating organisation: the owner or a participant. */
	organisation: string;
	participants: number;
	rating: 1 | 2 | 3 | 4 | 5;
	comment: string;
}

const ev = (
	activity: string,
	organisation: string,
	participants: number,
	rating: EvaluationSeed['rating'],
	comment: string
): EvaluationSeed => ({ activity, organisation, participants, rating, comment });

const VISIT_TEGNING =
	'virksomhedsbesoeg:2026-08-25:noerrestrand-metal:fra-tegning-til-faerdigt-emne';
const MORGENMOEDE = `laerepladsalliance:2026-08-27:${SECRETARIAT}:morgenmoede-saadan-bliver-i-en-del-af-laerepladsalliancen`;
const FORLOEB_SMEDJE = `industrimuseet:2026-09-01:${INDUSTRIMUSEET}:forloeb-fra-smedje-til-fabrik-7-klasse`;
const PRAKTIK_BYGHOLM =
	'erhvervspraktik:2026-09-14:bygholm-staal:erhvervspraktik-9-klasse-hos-bygholm-staal';
const PRAKTIK_TOERRING =
	'erhvervspraktik:2026-09-14:toerring-automation:erhvervspraktik-9-klasse-hos-toerring-automation';
const GF1_SEPTEMBER = `gf1-inspirationsdag:2026-09-22:${LEARNMARK}:gf1-inspirationsdag-metal-og-maskin`;
const AABENT_VAERKSTED = `industrimuseet:2026-09-26:${INDUSTRIMUSEET}:aabent-vaerksted-smed-for-en-dag`;
const VISIT_ROBOTTER = 'virksomhedsbesoeg:2026-09-30:hornsyld-maskinbyg:robotter-og-svejsning';
const VISIT_KLEJNSMEDIE =
	'virksomhedsbesoeg:2026-10-06:stensballe-klejnsmedie:smed-for-en-formiddag';
const EFTERAARSFERIE = `industrimuseet:2026-10-13:${INDUSTRIMUSEET}:efteraarsferie-paa-industrimuseet-byg-en-robot`;
const PRAKTIK_NOERRESTRAND =
	'erhvervspraktik:2026-11-02:noerrestrand-metal:erhvervspraktik-9-klasse-hos-noerrestrand-metal';
const PRAKTIK_HORNSYLD =
	'erhvervspraktik:2026-11-02:hornsyld-maskinbyg:erhvervspraktik-9-klasse-hos-hornsyld-maskinbyg';
const MESSE_HORSENS = `uddannelsesmesse:2026-11-11:${HORSENS}:uddannelsesmessen-i-horsens`;
const FORLOEB_MASKINER = `industrimuseet:2026-11-17:${INDUSTRIMUSEET}:forloeb-maskinernes-verden-6-klasse`;
const FORAELDREMOEDE = `uddannelsesmesse:2026-11-24:${HORSENS}:foraeldremoede-erhvervsuddannelser-efter-9-klasse`;

/**
 * 15 activities, 24 evaluations. Left unevaluated on purpose: Bygholm Stål's own praktik
 * evaluation, Egebjergskolen, Tørring Skole and Stensballeskolen's GF1 day, the campaign, several
 * visits and the late-November activities.
 */
export const EVALUATIONS: EvaluationSeed[] = [
	ev(
		VISIT_TEGNING,
		'noerrestrand-metal',
		24,
		4,
		'Engagerede elever. Næste gang i mindre hold ved CNC-maskinerne.'
	),
	ev(
		VISIT_TEGNING,
		'hoejvangskolen',
		24,
		5,
		'Eleverne fik selv lov at måle emner op. Flere spurgte bagefter til praktik.'
	),
	ev(
		MORGENMOEDE,
		SECRETARIAT,
		31,
		4,
		'31 virksomheder mødte op; 9 tilmeldte sig alliancen på mødet.'
	),
	ev(
		FORLOEB_SMEDJE,
		INDUSTRIMUSEET,
		46,
		5,
		'To klasser over tre dage. Værkstedsdelen var det, eleverne huskede bedst.'
	),
	ev(
		FORLOEB_SMEDJE,
		'stensballeskolen',
		22,
		5,
		'Godt forløb, der hang fint sammen med historieundervisningen.'
	),
	ev(
		PRAKTIK_BYGHOLM,
		'stensballeskolen',
		4,
		5,
		'Alle fire elever vil gerne tilbage i 10. klasse. God introduktion til sikkerhed.'
	),
	ev(PRAKTIK_BYGHOLM, 'lundskolen', 2, 4, 'Fin uge. Mødetiden kl. 7 var svær for den ene elev.'),
	ev(
		PRAKTIK_TOERRING,
		'toerring-automation',
		3,
		4,
		'Tre motiverede elever; den ene har søgt EUD efter sommerferien.'
	),
	ev(GF1_SEPTEMBER, LEARNMARK, 52, 4, 'Godt fremmøde. Svejseværkstedet var det mest populære.'),
	ev(
		GF1_SEPTEMBER,
		'lundskolen',
		27,
		3,
		'Godt indhold, men bustransporten tog for lang tid af dagen.'
	),
	ev(AABENT_VAERKSTED, INDUSTRIMUSEET, 140, 5, 'Mange familier. Smedeessen kørte hele dagen.'),
	ev(
		VISIT_ROBOTTER,
		'hedensted-skole',
		23,
		4,
		'Robotcellen gjorde indtryk. Sikkerhedsbriefingen kunne være kortere.'
	),
	ev(
		VISIT_KLEJNSMEDIE,
		'stensballe-klejnsmedie',
		12,
		4,
		'Et hold på tolv passede godt til værkstedet.'
	),
	ev(
		VISIT_KLEJNSMEDIE,
		'stensballeskolen',
		12,
		5,
		'Eleverne smedede selv en krog med hjem. Meget konkret.'
	),
	ev(EFTERAARSFERIE, INDUSTRIMUSEET, 412, 5, 'Udsolgt alle fire dage. Gentages i vinterferien.'),
	ev(
		PRAKTIK_NOERRESTRAND,
		'noerrestrand-metal',
		5,
		4,
		'Fem elever fra to skoler. Mentorordningen virkede.'
	),
	ev(PRAKTIK_NOERRESTRAND, 'hoejvangskolen', 3, 4, 'Godt modtaget; praktikaftalen kom sent i hus.'),
	ev(
		PRAKTIK_HORNSYLD,
		'hornsyld-maskinbyg',
		4,
		3,
		'To af seks tilmeldte elever kom ikke. Vi vil gerne have besked tidligere.'
	),
	ev(
		MESSE_HORSENS,
		HORSENS,
		2350,
		4,
		'Cirka 2.350 elever og forældre over to dage. God trafik på metalstandene.'
	),
	ev(
		MESSE_HORSENS,
		LEARNMARK,
		640,
		5,
		'Omkring 640 besøgende ved standen; 85 prøvede svejsesimulatoren.'
	),
	ev(MESSE_HORSENS, METAL, 210, 4, 'Mange gode samtaler med forældre om løn og uddannelse.'),
	ev(
		MESSE_HORSENS,
		'stensballeskolen',
		48,
		4,
		'Forberedelsen i klassen gjorde besøget mere målrettet.'
	),
	ev(
		FORLOEB_MASKINER,
		INDUSTRIMUSEET,
		41,
		4,
		'Godt forløb; 6. klasse er lige ung nok til teoridelen.'
	),
	ev(FORAELDREMOEDE, HORSENS, 85, 4, '85 forældre. Flest spørgsmål om EUX og adgangskrav.')
];

/**
 * Upserts the demo evaluations. Keyed on (activity, organisation), like the table's unique
 * constraint, so a second run changes nothing and an evaluation typed in the demo is replaced
 * rather than doubled.
 */
export async function seedEvaluations(trx: Transaction<DB>): Promise<number> {
	const orgs = new Map(
		(await trx.selectFrom('organisation').select(['id', 'slug']).execute()).map((o) => [
			o.slug,
			o.id
		])
	);
	const rows = EVALUATIONS.map((e) => ({
		id: seedId('evaluation', `${e.activity}:${e.organisation}`),
		activityId: seedId('activity', e.activity),
		organisationId: lookup(orgs, e.organisation, 'organisation'),
		participants: e.participants,
		rating: e.rating,
		comment: e.comment,
		createdBy: null
	}));
	await trx
		.insertInto('evaluation')
		.values(rows)
		.onConflict((oc) =>
			oc.columns(['activityId', 'organisationId']).doUpdateSet((eb) => ({
				participants: eb.ref('excluded.participants'),
				rating: eb.ref('excluded.rating'),
				comment: eb.ref('excluded.comment')
			}))
		)
		.execute();
	return rows.length;
}
