import { INDUSTRIMUSEET, companySlug, schoolWeek } from './ids';
import type { BookingSeed, OfferSeed } from './offers-data';

// Offers and bookings for the report's demo (issue 6): Hedensted schools taking part in smed
// activities, some already over by the demo's today (27 November 2026), so "places used", visits,
// pupils reached and museum attendance show numbers for Hedensted + smed in 2026/27. They join the
// demo offers in offers-data.ts, so seedOffers writes them by the same stable ids.

const LOESNING = companySlug('Løsning Stålkonstruktion A/S');
const MARINE = companySlug('Juelsminde Marineteknik ApS');
const LOESNING_ADDRESS = 'Industrivej 14, 8723 Løsning';
const SHOES = 'Sikkerhedssko og arbejdstøj uden løse snore. Madpakke.';

const praktik = (key: string, dates: [string, string], capacity: number): OfferSeed => ({
	key,
	owner: LOESNING,
	kind: 'erhvervspraktik',
	category: 'erhvervspraktik',
	title: 'Erhvervspraktik som smed hos Løsning Stålkonstruktion',
	description: 'En uge i svejsehallen med en svend og en lærling. Mødetid 7.00–14.30.',
	dates,
	trade: 'smed',
	grades: [8, 9],
	capacity,
	group: 'report-loesning-smed',
	contactName: 'Tina Vestergaard',
	address: LOESNING_ADDRESS,
	whatToBring: SHOES
});

export const REPORT_OFFERS: OfferSeed[] = [
	praktik('report-loesning-smed-uge45', schoolWeek(2026, 45), 2),
	praktik('report-loesning-smed-uge5', schoolWeek(2027, 5), 3),
	{
		key: 'report-marine-besoeg',
		owner: MARINE,
		kind: 'visit',
		category: 'virksomhedsbesoeg',
		title: 'Virksomhedsbesøg: aksler og beslag til skibe',
		description: 'Se drejebænke og svejsning af beslag, og mød to smedelærlinge.',
		dates: ['2026-10-28', '2026-10-28'],
		time: ['09:00', '11:30'],
		grades: [8, 9],
		capacity: 25,
		contactName: 'Ole Brink',
		address: 'Havnevej 6, 7130 Juelsminde',
		whatToBring: 'Lukkede sko.'
	},
	{
		key: 'report-museum-forloeb-nov',
		owner: INDUSTRIMUSEET,
		kind: 'forloeb',
		category: 'industrimuseet',
		title: 'Forløb: Smedens værksted',
		description: 'Eleverne smeder en krog i museets smedje og ser dampmaskinen køre.',
		dates: ['2026-11-04', '2026-11-04'],
		time: ['09:00', '12:00'],
		grades: [6, 7],
		capacity: 28,
		contactName: 'Peter Damgaard',
		address: 'Gasvej 17–19, 8700 Horsens'
	}
];

export const REPORT_BOOKINGS: BookingSeed[] = [
	{
		key: 'report-loesning-uge45',
		offer: 'report-loesning-smed-uge45',
		school: 'Løsning Skole',
		classLabel: '9.A',
		seats: 2,
		status: 'confirmed',
		teacher: ['Karen Friis', 'karen.friis@loesning-skole.example.dk'],
		names: ['Freja', 'William'],
		agreementSignedAt: '2026-10-20'
	},
	{
		key: 'report-hedensted-uge5',
		offer: 'report-loesning-smed-uge5',
		school: 'Hedensted Skole',
		classLabel: '8.C',
		seats: 1,
		status: 'requested',
		teacher: ['Jens Kirk', 'jens.kirk@hedensted-skole.example.dk']
	},
	{
		key: 'report-toerring-marine',
		offer: 'report-marine-besoeg',
		school: 'Tørring Skole',
		classLabel: '9.B',
		seats: 21,
		status: 'confirmed',
		teacher: ['Sara Holm', 'sara.holm@toerring-skole.example.dk']
	},
	{
		key: 'report-juelsminde-museum',
		offer: 'report-museum-forloeb-nov',
		school: 'Juelsminde Skole',
		classLabel: '7.A',
		seats: 22,
		status: 'confirmed',
		teacher: ['Maja Skov', 'maja.skov@juelsminde-skole.example.dk']
	}
];
