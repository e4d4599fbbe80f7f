import { activity, co, type ActivitySeed } from './activity';
import {
	DI_BYG,
	DI_SYD,
	HEDENSTED,
	HORSENS,
	INDUSTRIMUSEET,
	LEARNMARK,
	LEARNMARK_PLACE,
	METAL,
	ODDER,
	SECRETARIAT,
	TREF
} from './ids';

const ALL_PARTNERS = [
	HORSENS,
	HEDENSTED,
	ODDER,
	LEARNMARK,
	INDUSTRIMUSEET,
	DI_SYD,
	DI_BYG,
	METAL,
	TREF
];

function meeting(
	date: string,
	title: string,
	time: [string, string],
	description: string
): ActivitySeed {
	return activity({
		owner: SECRETARIAT,
		category: 'alliancemoede',
		title,
		startDate: date,
		time,
		place: LEARNMARK_PLACE,
		description,
		participants: ALL_PARTNERS
	});
}

function secretariat(date: string): ActivitySeed {
	return activity({
		owner: SECRETARIAT,
		category: 'alliancemoede',
		title: 'Sekretariatsmøde',
		startDate: date,
		time: ['09:00', '10:30'],
		visibility: 'private',
		place: 'Online',
		description: 'DI Lærlingeindsatsen og Learnmark forbereder alliancens næste skridt.',
		participants: [LEARNMARK]
	});
}

const moeder = [
	secretariat('2026-08-20'),
	meeting(
		'2026-09-24',
		'Alliancemøde september 2026',
		['14:00', '16:30'],
		'Halvårsmøde: status på årshjulet, erhvervspraktik i uge 6 og nye partnere.'
	),
	secretariat('2027-01-07'),
	meeting(
		'2027-03-11',
		'Alliancemøde marts 2027',
		['14:00', '16:30'],
		'Halvårsmøde: evaluering af efterårets aktiviteter og planlægning af 2027/28.'
	),
	secretariat('2027-06-17'),
	meeting(
		'2027-06-22',
		'Evalueringsworkshop: året der gik',
		['13:00', '15:30'],
		'Partnerne evaluerer skoleåret og justerer årshjulet for næste år.'
	)
];

const laerepladsalliance = [
	activity({
		owner: SECRETARIAT,
		category: 'laerepladsalliance',
		title: 'Morgenmøde: sådan bliver I en del af lærepladsalliancen',
		startDate: '2026-08-27',
		time: ['08:00', '09:30'],
		place: LEARNMARK_PLACE,
		description: 'Informationsmøde og tilmelding for nye virksomheder.',
		participants: [DI_SYD, LEARNMARK]
	}),
	activity({
		owner: METAL,
		category: 'laerepladsalliance',
		title: 'Tilmelding til lærepladsalliancen hos Dansk Metal',
		startDate: '2026-10-27',
		time: ['07:30', '09:00'],
		place: 'Dansk Metal Horsens',
		description: 'Morgenbrød og tilmelding for metalvirksomheder.',
		participants: [
			co('Nørrestrand Metal'),
			co('Tyrsted Rustfri'),
			co('Kattegatkajens Maskinsmedie')
		]
	}),
	activity({
		owner: DI_BYG,
		category: 'laerepladsalliance',
		title: 'Lærepladsalliancen: tilmeldingsmøde for byggeriet',
		startDate: '2026-11-18',
		time: ['15:00', '17:00'],
		place: LEARNMARK_PLACE,
		participants: [
			TREF,
			LEARNMARK,
			co('Hansted Tømrer & Byg'),
			co('Boulstrup Byggeselskab'),
			co('Stouby Tømrer og Snedker'),
			co('Rask Mølle Murerforretning')
		]
	}),
	activity({
		owner: DI_SYD,
		category: 'laerepladsalliance',
		title: 'Lærepladsalliancen: tilmeldingsmøde i Hedensted',
		startDate: '2027-02-02',
		time: ['08:00', '09:30'],
		place: 'Hedensted',
		participants: [HEDENSTED, LEARNMARK]
	}),
	activity({
		owner: LEARNMARK,
		category: 'laerepladsmatch',
		title: 'Lærepladsmatch: speeddating for GF2-elever',
		startDate: '2027-01-28',
		time: ['13:00', '16:00'],
		visibility: 'public',
		place: LEARNMARK_PLACE,
		description: 'GF2-elever uden læreplads møder virksomheder i alliancen.',
		participants: [
			co('Bygholm Stål'),
			co('Gudenå Maskinfabrik'),
			co('Hornsyld Maskinbyg'),
			co('Odder Præcisionsmekanik')
		]
	}),
	activity({
		owner: LEARNMARK,
		category: 'laerepladsmatch',
		title: 'Lærepladsmatch før sommerferien',
		startDate: '2027-05-26',
		time: ['13:00', '16:00'],
		visibility: 'public',
		place: LEARNMARK_PLACE,
		participants: [
			co('Juelsminde Marineteknik'),
			co('Løsning Stålkonstruktion'),
			co('Ørting Aluminium'),
			co('Saksild Smedie & Stål')
		]
	}),
	activity({
		owner: DI_SYD,
		category: 'laerepladsalliance',
		title: 'Fejring af årets lærlinge',
		startDate: '2027-06-10',
		time: ['16:00', '18:00'],
		visibility: 'public',
		place: 'Industrimuseet',
		description: 'Alliancen fejrer lærlinge og læremestre.',
		participants: [LEARNMARK, INDUSTRIMUSEET, METAL]
	})
];

export const ALLIANCE_ACTIVITIES: ActivitySeed[] = [...moeder, ...laerepladsalliance];
