import { activity, org, type ActivitySeed } from './activity';
import {
	DI_BYG,
	DI_SYD,
	HEDENSTED,
	HORSENS,
	LEARNMARK,
	LEARNMARK_PLACE,
	METAL,
	ODDER,
	SECRETARIAT,
	TREF
} from './ids';

const uddannelsesmesse = [
	activity({
		owner: HORSENS,
		category: 'uddannelsesmesse',
		title: 'Uddannelsesmessen i Horsens',
		startDate: '2026-11-11',
		endDate: '2026-11-12',
		time: ['08:30', '14:00'],
		visibility: 'public',
		place: 'Forum Horsens',
		description:
			'Alle ungdomsuddannelser i området på ét sted. Alliancens virksomheder viser industritekniker- og smedefaget.',
		participants: [
			LEARNMARK,
			DI_SYD,
			METAL,
			org('Stensballeskolen'),
			org('Lundskolen'),
			org('Langmarkskolen')
		]
	}),
	activity({
		owner: HORSENS,
		category: 'uddannelsesmesse',
		title: 'Forældremøde: erhvervsuddannelser efter 9. klasse',
		startDate: '2026-11-24',
		time: ['19:00', '21:00'],
		visibility: 'public',
		place: LEARNMARK_PLACE,
		description: 'Forældre møder lærlinge, virksomheder og vejledere.',
		participants: [LEARNMARK]
	}),
	activity({
		owner: HEDENSTED,
		category: 'uddannelsesmesse',
		title: 'Uddannelsesaften i Hedensted',
		startDate: '2027-01-12',
		time: ['18:00', '20:30'],
		visibility: 'public',
		place: 'Hedensted Skole',
		description:
			'Ungdomsuddannelser og lokale virksomheder præsenterer sig for elever og forældre.',
		participants: [
			LEARNMARK,
			org('Hedensted Skole'),
			org('Løsning Skole'),
			org('Tørring Skole'),
			org('Juelsminde Skole')
		]
	}),
	activity({
		owner: ODDER,
		category: 'uddannelsesmesse',
		title: 'Uddannelsesaften i Odder',
		startDate: '2027-01-13',
		time: ['18:00', '20:30'],
		visibility: 'public',
		place: 'Parkvejskolen',
		participants: [
			LEARNMARK,
			org('Parkvejskolen'),
			org('Vestermarkskolen'),
			org('Skovbakkeskolen'),
			org('Hundslund Skole')
		]
	}),
	activity({
		owner: LEARNMARK,
		category: 'uddannelsesmesse',
		title: 'Åbent hus på Learnmark Tech: prøv et fag',
		startDate: '2027-02-03',
		time: ['15:00', '19:00'],
		visibility: 'public',
		place: LEARNMARK_PLACE,
		description: 'Værkstederne er åbne: svejs, drej og programmér en robot.'
	})
];

function gf1(date: string, schools: string[], theme: string): ActivitySeed {
	return activity({
		owner: LEARNMARK,
		category: 'gf1-inspirationsdag',
		title: `GF1-inspirationsdag: ${theme}`,
		description: 'Eleverne prøver grundforløbets værksteder og spiser frokost med eleverne på GF1.',
		place: LEARNMARK_PLACE,
		startDate: date,
		time: ['08:30', '13:00'],
		participants: schools.map(org)
	});
}

const gf1Days = [
	gf1('2026-09-22', ['Stensballeskolen', 'Lundskolen'], 'Metal og maskin'),
	gf1('2026-10-01', ['Hedensted Skole', 'Tørring Skole'], 'Metal og maskin'),
	gf1('2026-11-26', ['Parkvejskolen', 'Vestermarkskolen'], 'Metal og maskin'),
	gf1('2027-01-19', ['Egebjergskolen', 'Langmarkskolen'], 'Byg og bolig'),
	gf1('2027-03-04', ['Juelsminde Skole', 'Løsning Skole'], 'Metal og maskin'),
	gf1('2027-04-20', ['Brædstrup Skole', 'Østbirk Skole'], 'Automatik og el'),
	gf1('2027-05-19', ['Skovbakkeskolen', 'Hundslund Skole'], 'Metal og maskin')
];

const kampagner = [
	activity({
		owner: DI_SYD,
		category: 'kampagne',
		title: 'Kampagne: Bliv industritekniker',
		startDate: '2026-09-21',
		endDate: '2026-10-09',
		visibility: 'public',
		description:
			'Annoncer på sociale medier og i lokalaviserne med lærlinge fra alliancens virksomheder.',
		participants: [LEARNMARK]
	}),
	activity({
		owner: METAL,
		category: 'kampagne',
		title: 'Svejs dig en fremtid – smedekampagne',
		startDate: '2026-12-07',
		endDate: '2027-01-17',
		visibility: 'public',
		description:
			'Video- og plakatkampagne om smedefaget i juletiden, når de unge vælger uddannelse.',
		participants: [LEARNMARK, DI_SYD]
	}),
	activity({
		owner: SECRETARIAT,
		category: 'kampagne',
		title: 'Vælg en faglært vej – frem til ansøgningsfristen',
		startDate: '2027-01-25',
		endDate: '2027-03-01',
		visibility: 'public',
		description: 'Fælles kampagne frem til ansøgningsfristen for ungdomsuddannelser 1. marts.',
		participants: [HORSENS, HEDENSTED, ODDER, LEARNMARK]
	}),
	activity({
		owner: SECRETARIAT,
		category: 'kampagne',
		title: 'Bliv lærepladsvirksomhed',
		startDate: '2027-04-19',
		endDate: '2027-05-28',
		description: 'Opsøgende kampagne over for virksomheder, der endnu ikke har lærlinge.',
		participants: [DI_SYD, DI_BYG, METAL, TREF]
	})
];

export const RECRUITMENT_ACTIVITIES: ActivitySeed[] = [
	...uddannelsesmesse,
	...gf1Days,
	...kampagner
];
