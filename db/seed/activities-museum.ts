import { activity, org, type ActivityInput, type ActivitySeed } from './activity';
import { INDUSTRIMUSEET } from './ids';

const PLACE = 'Industrimuseet, Gasvej 17–19, 8700 Horsens';
const OPEN: [string, string] = ['10:00', '15:00'];

function museum(input: Omit<ActivityInput, 'owner' | 'category'>): ActivitySeed {
	return activity({ owner: INDUSTRIMUSEET, category: 'industrimuseet', place: PLACE, ...input });
}

export const MUSEUM_ACTIVITIES: ActivitySeed[] = [
	museum({
		title: 'Forløb: Fra smedje til fabrik (7. klasse)',
		startDate: '2026-09-01',
		endDate: '2026-09-03',
		time: ['09:00', '13:00'],
		participants: [org('Stensballeskolen'), org('Egebjergskolen')],
		description: 'Tre formiddage om industriens udvikling med værkstedsopgaver i museets smedje.'
	}),
	museum({
		title: 'Åbent værksted: smed for en dag',
		startDate: '2026-09-26',
		time: OPEN,
		visibility: 'public',
		description: 'Prøv at smede under vejledning af museets smede og lærlinge fra Learnmark.'
	}),
	museum({
		title: 'Efterårsferie på Industrimuseet: byg en robot',
		startDate: '2026-10-13',
		endDate: '2026-10-16',
		time: OPEN,
		visibility: 'public',
		description: 'Aktiviteter for hele familien i efterårsferien.'
	}),
	museum({
		title: 'Forløb: Maskinernes verden (6. klasse)',
		startDate: '2026-11-17',
		endDate: '2026-11-18',
		time: ['09:00', '12:30'],
		participants: [org('Lundskolen'), org('Østbirk Skole')],
		description: 'Hvordan virker en maskine? Eleverne skiller og samler.'
	}),
	museum({
		title: 'Jul i maskinhallen',
		startDate: '2026-12-05',
		endDate: '2026-12-06',
		time: ['10:00', '16:00'],
		visibility: 'public',
		description: 'Julemarked med håndværkere og lærlinge, der viser deres fag.'
	}),
	museum({
		title: 'Forløb: Fra damp til robot (8. klasse)',
		startDate: '2027-01-18',
		endDate: '2027-01-21',
		time: ['09:00', '13:00'],
		participants: [org('Hedensted Skole'), org('Juelsminde Skole')],
		description: 'Teknologiforståelse i fire dele: damp, el, automatik og robotter.'
	}),
	museum({
		title: 'Vinterferie på Industrimuseet',
		startDate: '2027-02-15',
		endDate: '2027-02-19',
		time: OPEN,
		visibility: 'public',
		description: 'Værksteder og omvisninger for børn og voksne.'
	}),
	museum({
		title: 'Forløb: Svejs og skab (9. klasse)',
		startDate: '2027-03-15',
		endDate: '2027-03-17',
		time: ['09:00', '13:00'],
		participants: [org('Parkvejskolen'), org('Skovbakkeskolen')],
		description: 'Eleverne svejser et lille produkt med hjælp fra smedelærlinge.'
	}),
	museum({
		title: 'Foredrag: Industrien i Horsens 1900–2000',
		startDate: '2027-04-22',
		time: ['19:00', '21:00'],
		visibility: 'public',
		status: 'cancelled',
		description: 'Aflyst. Foredraget flyttes til efteråret.'
	}),
	museum({
		title: 'Dampdag: maskinhallen i drift',
		startDate: '2027-05-29',
		time: ['10:00', '16:00'],
		visibility: 'public',
		description: 'Museets dampmaskiner kører hele dagen.'
	})
];
