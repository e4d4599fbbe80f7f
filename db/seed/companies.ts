import { HEDENSTED_AND_ODDER } from './companies-hedensted-odder';
import { HORSENS } from './ids';

export type CompanyRow = [
	name: string,
	municipality: string,
	address: string,
	trades: string[],
	description: string
];

export interface CompanySeed {
	name: string;
	municipality: string;
	address: string;
	trades: string[];
	description: string;
}

// Invented companies: any likeness to a real firm is unintended. Industritekniker and smed
// dominate because the agreement starts with those two trades.
const rows: CompanyRow[] = [
	// Horsens
	[
		'Bygholm Stål ApS',
		HORSENS,
		'Stålgade 12, 8700 Horsens',
		['smed', 'industritekniker'],
		'Stålkonstruktioner, trapper og værn til byggeriet.'
	],
	[
		'Nørrestrand Metal A/S',
		HORSENS,
		'Fjordvej 41, 8700 Horsens',
		['industritekniker', 'smed'],
		'Underleverandør af bearbejdede emner i stål og aluminium.'
	],
	[
		'Gudenå Maskinfabrik A/S',
		HORSENS,
		'Åvej 3, 8740 Brædstrup',
		['industritekniker', 'automatiktekniker'],
		'Specialmaskiner til fødevareindustrien.'
	],
	[
		'Stensballe Klejnsmedie ApS',
		HORSENS,
		'Smedevænget 8, 8700 Horsens',
		['smed'],
		'Låger, gelændere og kunstsmedearbejde.'
	],
	[
		'Fjordbyens CNC-teknik ApS',
		HORSENS,
		'Drejervej 22, 8700 Horsens',
		['industritekniker'],
		'CNC-fræsning og -drejning i små og mellemstore serier.'
	],
	[
		'Hansted Tømrer & Byg ApS',
		HORSENS,
		'Hanstedvej 70, 8700 Horsens',
		['toemrer', 'murer'],
		'Nybyggeri og renovering af boliger.'
	],
	[
		'Bjerre El-service ApS',
		HORSENS,
		'Bjerrevej 15, 8700 Horsens',
		['elektriker', 'automatiktekniker'],
		'El-installationer og styringer til industrien.'
	],
	[
		'Østbirk Plast & Form A/S',
		HORSENS,
		'Formvej 5, 8752 Østbirk',
		['industritekniker', 'procesoperatoer'],
		'Sprøjtestøbning og værktøjsmageri.'
	],
	[
		'Kattegatkajens Maskinsmedie ApS',
		HORSENS,
		'Havnekajen 9, 8700 Horsens',
		['smed', 'industritekniker'],
		'Reparation og service af skibs- og havneudstyr.'
	],
	[
		'Brædstrup Træ & Maskinsnedkeri ApS',
		HORSENS,
		'Snedkervej 11, 8740 Brædstrup',
		['maskinsnedker', 'toemrer'],
		'Køkkener og specialinventar.'
	],
	[
		'Lund VVS & Energi ApS',
		HORSENS,
		'Lundvej 102, 8700 Horsens',
		['vvs-energispecialist'],
		'Varmepumper, vand og sanitet.'
	],
	[
		'Tyrsted Rustfri ApS',
		HORSENS,
		'Tyrstedvej 33, 8700 Horsens',
		['smed', 'industritekniker'],
		'Rustfrie konstruktioner til mejerier og bryggerier.'
	],
	...HEDENSTED_AND_ODDER
];

export const COMPANIES: CompanySeed[] = rows.map(
	([name, municipality, address, trades, description]) => ({
		name,
		municipality,
		address,
		trades,
		description
	})
);
