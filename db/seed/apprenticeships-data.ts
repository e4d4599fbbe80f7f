import type { OpeningStatus } from '../../src/lib/platform/server/db/schema';

// The lærepladsalliance in 2026/27: ten companies have committed; five of them have openings
// (open and filled), so the other five appear on the secretariat's follow-up list.

export interface CommitmentSeed {
	company: string;
	trades: string[];
	contact: [name: string, email: string, phone: string];
	joinedOn: string;
}

export interface OpeningSeed {
	key: string;
	company: string;
	trade: string;
	positions: number;
	startDate: string;
	status: OpeningStatus;
	description: string;
}

export const COMMITMENTS: CommitmentSeed[] = [
	{
		company: 'Bygholm Stål ApS',
		trades: ['smed', 'industritekniker'],
		contact: ['Henrik Bygholm', 'laerlinge@bygholm-staal.example.dk', '75 62 10 12'],
		joinedOn: '2026-05-20'
	},
	{
		company: 'Nørrestrand Metal A/S',
		trades: ['industritekniker', 'smed'],
		contact: ['Mette Fjord', 'hr@noerrestrand-metal.example.dk', '75 62 41 41'],
		joinedOn: '2026-05-20'
	},
	{
		company: 'Gudenå Maskinfabrik A/S',
		trades: ['industritekniker', 'automatiktekniker'],
		contact: ['Søren Å. Madsen', 'laerling@gudenaa-maskinfabrik.example.dk', '75 75 03 03'],
		joinedOn: '2026-06-02'
	},
	{
		company: 'Stensballe Klejnsmedie ApS',
		trades: ['smed'],
		contact: ['Per Klejn', 'per@stensballe-klejnsmedie.example.dk', ''],
		joinedOn: '2026-06-02'
	},
	{
		company: 'Fjordbyens CNC-teknik ApS',
		trades: ['industritekniker'],
		contact: ['Lone Drejer', 'lone@fjordbyens-cnc-teknik.example.dk', '75 61 22 22'],
		joinedOn: '2026-08-25'
	},
	{
		company: 'Kattegatkajens Maskinsmedie ApS',
		trades: ['smed', 'industritekniker'],
		contact: ['Jens Kaj', 'jens@kattegatkajens-maskinsmedie.example.dk', '75 64 11 00'],
		joinedOn: '2026-05-20'
	},
	{
		company: 'Tyrsted Rustfri ApS',
		trades: ['smed', 'industritekniker'],
		contact: ['Anja Tyrsted', 'anja@tyrsted-rustfri.example.dk', ''],
		joinedOn: '2026-09-14'
	},
	{
		company: 'Løsning Stålkonstruktion A/S',
		trades: ['smed'],
		contact: ['Bo Løsning', 'bo@loesning-staalkonstruktion.example.dk', '75 65 14 14'],
		joinedOn: '2026-06-10'
	},
	{
		company: 'Hornsyld Maskinbyg A/S',
		trades: ['industritekniker', 'smed', 'automatiktekniker'],
		contact: ['Karin Horn', 'karin@hornsyld-maskinbyg.example.dk', '75 68 20 20'],
		joinedOn: '2026-05-20'
	},
	{
		company: 'Odder Præcisionsmekanik A/S',
		trades: ['industritekniker', 'automatiktekniker'],
		contact: ['Niels Odder', 'niels@odder-praecisionsmekanik.example.dk', '86 54 10 10'],
		joinedOn: '2026-10-01'
	}
];

const opening = (
	key: string,
	company: string,
	trade: string,
	positions: number,
	startDate: string,
	status: OpeningStatus,
	description = ''
): OpeningSeed => ({ key, company, trade, positions, startDate, status, description });

export const OPENINGS: OpeningSeed[] = [
	opening(
		'bygholm-smed-jan',
		'Bygholm Stål ApS',
		'smed',
		2,
		'2027-01-04',
		'open',
		'Svejsning og montage af stålkonstruktioner.'
	),
	opening('bygholm-it-aug', 'Bygholm Stål ApS', 'industritekniker', 1, '2026-08-10', 'filled'),
	opening(
		'noerrestrand-it-aug',
		'Nørrestrand Metal A/S',
		'industritekniker',
		2,
		'2026-08-10',
		'filled'
	),
	opening(
		'noerrestrand-it-feb',
		'Nørrestrand Metal A/S',
		'industritekniker',
		1,
		'2027-02-01',
		'open',
		'CNC-bearbejdning af aluminiumsemner.'
	),
	opening('noerrestrand-smed-jun', 'Nørrestrand Metal A/S', 'smed', 1, '2027-06-07', 'open'),
	opening(
		'gudenaa-auto-jan',
		'Gudenå Maskinfabrik A/S',
		'automatiktekniker',
		1,
		'2027-01-04',
		'open'
	),
	opening(
		'gudenaa-it-sep',
		'Gudenå Maskinfabrik A/S',
		'industritekniker',
		1,
		'2026-09-01',
		'filled'
	),
	opening(
		'kattegat-smed-aug',
		'Kattegatkajens Maskinsmedie ApS',
		'smed',
		1,
		'2026-08-17',
		'filled'
	),
	opening(
		'kattegat-smed-mar',
		'Kattegatkajens Maskinsmedie ApS',
		'smed',
		1,
		'2027-03-01',
		'open',
		'Reparation af havneudstyr og skibsdele.'
	),
	opening('hornsyld-it-jan', 'Hornsyld Maskinbyg A/S', 'industritekniker', 2, '2027-01-11', 'open'),
	opening('hornsyld-smed-okt', 'Hornsyld Maskinbyg A/S', 'smed', 1, '2026-10-01', 'filled'),
	opening(
		'hornsyld-auto-aug',
		'Hornsyld Maskinbyg A/S',
		'automatiktekniker',
		1,
		'2026-08-10',
		'filled'
	)
];
