import { activity, co, org, type ActivitySeed } from './activity';
import { schoolWeek } from './ids';

const PRAKTIK_8 =
	'Eleverne følger en faglært i en uge og prøver selv kræfter med faget. Sikkerhedsudstyr udleveres.';
const PRAKTIK_9 =
	'Erhvervspraktik for elever, der overvejer en erhvervsuddannelse efter 9. klasse.';

function praktik(
	[year, week]: [number, number],
	company: string,
	schools: string[],
	grade: 8 | 9,
	visibility: 'alliance' | 'private' = 'alliance'
): ActivitySeed {
	const [startDate, endDate] = schoolWeek(year, week);
	return activity({
		owner: co(company),
		category: 'erhvervspraktik',
		title: `Erhvervspraktik ${grade}. klasse hos ${company}`,
		description: grade === 8 ? PRAKTIK_8 : PRAKTIK_9,
		place: company,
		startDate,
		endDate,
		visibility,
		participants: schools.map(org)
	});
}

const erhvervspraktik = [
	praktik([2026, 38], 'Bygholm Stål', ['Stensballeskolen', 'Lundskolen'], 9),
	praktik([2026, 38], 'Tørring Automation', ['Tørring Skole'], 9),
	praktik([2026, 45], 'Nørrestrand Metal', ['Højvangskolen', 'Langmarkskolen'], 9),
	praktik([2026, 45], 'Hornsyld Maskinbyg', ['Hedensted Skole', 'Løsning Skole'], 9),
	praktik([2026, 45], 'Gylling Maskinværksted', ['Parkvejskolen'], 9, 'private'),
	praktik([2027, 6], 'Gudenå Maskinfabrik', ['Brædstrup Skole', 'Østbirk Skole'], 8),
	praktik([2027, 6], 'Bygholm Stål', ['Stensballeskolen'], 8),
	praktik([2027, 6], 'Løsning Stålkonstruktion', ['Løsning Skole'], 8),
	praktik([2027, 6], 'Odder Præcisionsmekanik', ['Vestermarkskolen', 'Skovbakkeskolen'], 8),
	praktik([2027, 6], 'Juelsminde Marineteknik', ['Juelsminde Skole'], 8),
	praktik([2027, 6], 'Fjordbyens CNC-teknik', ['Egebjergskolen'], 8),
	praktik([2027, 15], 'Kattegatkajens Maskinsmedie', ['Langmarkskolen'], 8),
	praktik([2027, 15], 'Saksild Smedie & Stål', ['Hundslund Skole'], 8),
	praktik([2027, 15], 'Hedensted Svejse- og Pladeteknik', ['Hedensted Skole'], 8, 'private'),
	praktik([2027, 15], 'Tyrsted Rustfri', ['Lundskolen'], 8),
	praktik([2027, 23], 'Hou Havnesmedie', ['Parkvejskolen'], 9)
];

function besoeg(
	date: string,
	time: [string, string],
	company: string,
	schools: string[],
	title: string,
	extra: Partial<ActivitySeed> = {}
): ActivitySeed {
	return activity({
		owner: co(company),
		category: 'virksomhedsbesoeg',
		title,
		description: `Klassen besøger ${company}, ser produktionen og møder lærlinge.`,
		place: company,
		startDate: date,
		time,
		participants: schools.map(org),
		...extra
	});
}

const MORNING: [string, string] = ['09:00', '11:30'];

const virksomhedsbesoeg = [
	besoeg(
		'2026-08-25',
		MORNING,
		'Nørrestrand Metal',
		['Højvangskolen'],
		'Fra tegning til færdigt emne'
	),
	besoeg(
		'2026-09-10',
		MORNING,
		'Gudenå Maskinfabrik',
		['Brædstrup Skole'],
		'Sådan bygges en maskine'
	),
	besoeg(
		'2026-09-30',
		['08:30', '11:00'],
		'Hornsyld Maskinbyg',
		['Hedensted Skole'],
		'Robotter og svejsning'
	),
	besoeg(
		'2026-10-06',
		['10:00', '12:00'],
		'Stensballe Klejnsmedie',
		['Stensballeskolen'],
		'Smed for en formiddag'
	),
	besoeg(
		'2026-10-29',
		MORNING,
		'Odder Præcisionsmekanik',
		['Parkvejskolen'],
		'Præcision på tusindedele'
	),
	besoeg(
		'2026-11-17',
		['09:00', '11:00'],
		'Juelsminde Marineteknik',
		['Juelsminde Skole'],
		'Motorer og skibe'
	),
	besoeg('2026-12-02', MORNING, 'Bygholm Stål', ['Lundskolen'], 'Stål til byggeriet', {
		status: 'cancelled',
		description: 'Aflyst på grund af en stor ordre. Nyt besøg aftales i foråret.'
	}),
	besoeg('2027-01-14', MORNING, 'Ørting Aluminium', ['Skovbakkeskolen'], 'Svejsning i aluminium'),
	besoeg(
		'2027-01-26',
		['12:30', '14:30'],
		'Tørring Automation',
		['Tørring Skole'],
		'Programmér en robot'
	),
	besoeg(
		'2027-03-03',
		MORNING,
		'Kattegat Robotteknik',
		['Vestermarkskolen'],
		'Robotter i produktionen'
	),
	besoeg('2027-03-11', MORNING, 'Urlev Metalværk', ['Løsning Skole'], 'CNC og kvalitetskontrol'),
	besoeg(
		'2027-04-27',
		MORNING,
		'Tyrsted Rustfri',
		['Egebjergskolen'],
		'Rustfrit stål til mejerier',
		{
			visibility: 'private'
		}
	),
	besoeg(
		'2027-05-11',
		MORNING,
		'Løsning Stålkonstruktion',
		['Løsning Skole'],
		'Fra stålbjælke til staldbygning'
	),
	besoeg(
		'2027-06-02',
		['09:00', '12:00'],
		'Hou Havnesmedie',
		['Hundslund Skole'],
		'Smedearbejde på havnen'
	),
	besoeg(
		'2027-06-15',
		MORNING,
		'Østbirk Plast & Form',
		['Østbirk Skole'],
		'Plast, forme og værktøj',
		{
			visibility: 'private'
		}
	)
];

export const SCHOOL_ACTIVITIES: ActivitySeed[] = [...erhvervspraktik, ...virksomhedsbesoeg];
