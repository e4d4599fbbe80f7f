import type { BookingStatus, OfferKind } from '../../src/lib/platform/server/db/schema';
import { INDUSTRIMUSEET, LEARNMARK, companySlug, schoolWeek } from './ids';
import { REPORT_BOOKINGS, REPORT_OFFERS } from './report-demo';

// Demo offers of the 2026/27 school year and a few bookings in every state, so the offer list,
// the dashboards and the checklist have something to show. Seat totals stay within capacity.

export interface OfferSeed {
	key: string;
	owner: string;
	kind: OfferKind;
	category: string;
	title: string;
	description: string;
	dates: [string, string];
	time?: [string, string];
	trade?: string;
	grades: number[];
	capacity: number;
	group?: string;
	closesAt?: string;
	contactName: string;
	address: string;
	whatToBring?: string;
	whatYouSee?: string;
}

export interface BookingSeed {
	key: string;
	offer: string;
	school: string;
	classLabel: string;
	seats: number;
	status: BookingStatus;
	teacher: [string, string];
	names?: string[];
	message?: string;
	agreementSignedAt?: string;
}

const BYGHOLM = companySlug('Bygholm Stål ApS');
const NOERRESTRAND = companySlug('Nørrestrand Metal A/S');
const GUDENAA = companySlug('Gudenå Maskinfabrik A/S');
const SHOES = 'Sikkerhedssko og arbejdstøj uden løse snore. Madpakke.';

const praktik = (
	key: string,
	owner: string,
	trade: string,
	week: number,
	over: Partial<OfferSeed>
): OfferSeed => ({
	key,
	owner,
	kind: 'erhvervspraktik',
	category: 'erhvervspraktik',
	title: `Erhvervspraktik som ${trade}`,
	description: 'En uge i værkstedet sammen med en svend og en lærling. Mødetid 7.00–14.00.',
	dates: schoolWeek(2027, week),
	trade,
	grades: [8, 9],
	capacity: 2,
	contactName: 'Lars Bøgh Nielsen',
	address: '',
	whatToBring: SHOES,
	...over
});

export const OFFERS: OfferSeed[] = [
	praktik('bygholm-smed-uge6', BYGHOLM, 'smed', 6, {
		group: 'bygholm-smed',
		address: 'Stålgade 12, 8700 Horsens'
	}),
	praktik('bygholm-smed-uge10', BYGHOLM, 'smed', 10, {
		group: 'bygholm-smed',
		address: 'Stålgade 12, 8700 Horsens'
	}),
	praktik('noerrestrand-uge10', NOERRESTRAND, 'industritekniker', 10, {
		capacity: 3,
		contactName: 'Karin Holt',
		address: 'Fjordvej 41, 8700 Horsens'
	}),
	{
		key: 'bygholm-besoeg',
		owner: BYGHOLM,
		kind: 'visit',
		category: 'virksomhedsbesoeg',
		title: 'Virksomhedsbesøg: fra stålplade til trappe',
		description: 'Rundvisning i produktionen og en opgave ved svejsesimulatoren.',
		dates: ['2027-01-13', '2027-01-13'],
		time: ['09:00', '11:30'],
		grades: [8, 9, 10],
		capacity: 26,
		contactName: 'Lars Bøgh Nielsen',
		address: 'Stålgade 12, 8700 Horsens',
		whatToBring: 'Lukkede sko.',
		whatYouSee: 'Laserskæring, kantbukning, svejsning og montage.'
	},
	{
		key: 'gudenaa-besoeg',
		owner: GUDENAA,
		kind: 'visit',
		category: 'virksomhedsbesoeg',
		title: 'Virksomhedsbesøg: maskiner til fødevareindustrien',
		description: 'Mød lærlingene og se en maskine blive bygget fra tegning til test.',
		dates: ['2027-01-20', '2027-01-20'],
		time: ['10:00', '12:00'],
		grades: [8, 9],
		capacity: 28,
		contactName: 'Mikkel Aagaard',
		address: 'Åvej 3, 8740 Brædstrup',
		whatYouSee: 'CNC-bearbejdning, montage og automatik.'
	},
	{
		key: 'museum-forloeb-marts',
		owner: INDUSTRIMUSEET,
		kind: 'forloeb',
		category: 'industrimuseet',
		title: 'Forløb: Fra håndværk til industri',
		description: 'Museets smedje og maskinhal: eleverne prøver selv at smede og dreje.',
		dates: ['2027-03-02', '2027-03-02'],
		time: ['09:00', '12:00'],
		grades: [5, 6, 7],
		capacity: 28,
		contactName: 'Peter Damgaard',
		address: 'Gasvej 17–19, 8700 Horsens'
	},
	{
		key: 'learnmark-proevedag',
		owner: LEARNMARK,
		kind: 'forloeb',
		category: 'gf1-inspirationsdag',
		title: 'Prøv en dag som industritekniker',
		description: 'En dag på Learnmarks værksteder med elever fra GF1.',
		dates: ['2027-02-03', '2027-02-03'],
		time: ['08:30', '14:00'],
		trade: 'industritekniker',
		grades: [8, 9],
		capacity: 24,
		closesAt: '2027-01-20',
		contactName: 'Sofie Østergaard Jensen',
		address: 'Stadion Allé 8, 8700 Horsens',
		whatToBring: SHOES
	},
	...REPORT_OFFERS
];

export const BOOKINGS: BookingSeed[] = [
	{
		key: 'stensballe-praktik-uge6',
		offer: 'bygholm-smed-uge6',
		school: 'Stensballeskolen',
		classLabel: '8.A',
		seats: 2,
		status: 'confirmed',
		teacher: ['Rasmus Holm Pedersen', 'laerer@aarshjul.example'],
		names: ['Emma', 'Noah'],
		message: 'Velkommen! Mød op ved porten kl. 7.00 mandag.',
		agreementSignedAt: '2026-12-15'
	},
	{
		key: 'lund-praktik-uge6',
		offer: 'bygholm-smed-uge6',
		school: 'Lundskolen',
		classLabel: '8.C',
		seats: 1,
		status: 'waitlisted',
		teacher: ['Anne Lund', 'anne.lund@lundskolen.example.dk']
	},
	{
		key: 'stensballe-besoeg',
		offer: 'bygholm-besoeg',
		school: 'Stensballeskolen',
		classLabel: '9.A',
		seats: 22,
		status: 'requested',
		teacher: ['Rasmus Holm Pedersen', 'laerer@aarshjul.example']
	},
	{
		key: 'hedensted-gudenaa',
		offer: 'gudenaa-besoeg',
		school: 'Hedensted Skole',
		classLabel: '8.B',
		seats: 24,
		status: 'confirmed',
		teacher: ['Jens Kirk', 'jens.kirk@hedensted-skole.example.dk'],
		message: 'Vi sørger for frugt.'
	},
	{
		key: 'juelsminde-museum',
		offer: 'museum-forloeb-marts',
		school: 'Juelsminde Skole',
		classLabel: '6.A',
		seats: 21,
		status: 'declined',
		teacher: ['Maja Skov', 'maja.skov@juelsminde-skole.example.dk'],
		message: 'Desværre lukket for grupper den dag – prøv april.'
	},
	...REPORT_BOOKINGS
];
