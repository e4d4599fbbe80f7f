import { HEDENSTED, HORSENS, ODDER } from './ids';

export interface CompanySeed {
	name: string;
	municipality: string;
	address: string;
	trades: string[];
	description: string;
}

// Invented companies: any likeness to a real firm is unintended. Industritekniker and smed
// dominate because the agreement starts with those two trades.
const rows: [string, string, string, string[], string][] = [
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
	// Hedensted
	[
		'Løsning Stålkonstruktion A/S',
		HEDENSTED,
		'Industrivej 14, 8723 Løsning',
		['smed'],
		'Stålkonstruktioner til landbrugs- og erhvervsbyggeri.'
	],
	[
		'Juelsminde Marineteknik ApS',
		HEDENSTED,
		'Havnevej 6, 7130 Juelsminde',
		['industritekniker', 'smed'],
		'Motorer, aksler og beslag til både og skibe.'
	],
	[
		'Tørring Automation ApS',
		HEDENSTED,
		'Automatvej 2, 7160 Tørring',
		['automatiktekniker', 'elektriker'],
		'Robotceller og PLC-styringer.'
	],
	[
		'Hornsyld Maskinbyg A/S',
		HEDENSTED,
		'Maskinvej 20, 8783 Hornsyld',
		['industritekniker', 'smed', 'automatiktekniker'],
		'Maskiner til håndtering af foder og korn.'
	],
	[
		'Rask Mølle Murerforretning ApS',
		HEDENSTED,
		'Murervej 4, 8763 Rask Mølle',
		['murer'],
		'Murerarbejde, facaderenovering og flisearbejde.'
	],
	[
		'Stouby Tømrer og Snedker ApS',
		HEDENSTED,
		'Tømrervej 7, 7140 Stouby',
		['toemrer', 'maskinsnedker'],
		'Tagarbejde, vinduer og døre.'
	],
	[
		'Hedensted Svejse- og Pladeteknik ApS',
		HEDENSTED,
		'Pladevej 18, 8722 Hedensted',
		['smed'],
		'Laserskæring, kantbukning og svejsning.'
	],
	[
		'Urlev Metalværk ApS',
		HEDENSTED,
		'Urlevvej 55, 8722 Hedensted',
		['industritekniker'],
		'Præcisionsdele til pumpe- og ventilproducenter.'
	],
	[
		'Daugård Procesanlæg A/S',
		HEDENSTED,
		'Procesvej 1, 8721 Daugård',
		['procesoperatoer', 'industritekniker'],
		'Procesanlæg til foder- og fødevareproduktion.'
	],
	[
		'Glud Net & Data ApS',
		HEDENSTED,
		'Netvej 3, 7130 Juelsminde',
		['data-og-kommunikation'],
		'Netværk og IT-drift for små virksomheder.'
	],
	// Odder
	[
		'Odder Præcisionsmekanik A/S',
		ODDER,
		'Mekanikervej 10, 8300 Odder',
		['industritekniker', 'automatiktekniker'],
		'Præcisionsmekanik til medicoindustrien.'
	],
	[
		'Saksild Smedie & Stål ApS',
		ODDER,
		'Smedievej 2, 8300 Odder',
		['smed'],
		'Landbrugssmedie og stålbyg.'
	],
	[
		'Hou Havnesmedie ApS',
		ODDER,
		'Havnen 4, 8300 Odder',
		['smed', 'industritekniker'],
		'Smedearbejde til havn, færger og fiskeri.'
	],
	[
		'Gylling Maskinværksted ApS',
		ODDER,
		'Værkstedsvej 8, 8300 Odder',
		['industritekniker', 'smed'],
		'Reparation og fremstilling af maskindele.'
	],
	[
		'Boulstrup Byggeselskab ApS',
		ODDER,
		'Byggevej 12, 8300 Odder',
		['toemrer', 'murer'],
		'Hovedentreprise på mindre erhvervsbyggerier.'
	],
	[
		'Hundslund El & VVS ApS',
		ODDER,
		'Elvej 6, 8350 Hundslund',
		['elektriker', 'vvs-energispecialist'],
		'El og VVS til private og landbrug.'
	],
	[
		'Ørting Aluminium ApS',
		ODDER,
		'Alugade 3, 8300 Odder',
		['industritekniker', 'smed'],
		'Svejste aluminiumskonstruktioner.'
	],
	[
		'Kattegat Robotteknik ApS',
		ODDER,
		'Robotvej 1, 8300 Odder',
		['automatiktekniker', 'data-og-kommunikation'],
		'Integration af kollaborerende robotter.'
	]
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
