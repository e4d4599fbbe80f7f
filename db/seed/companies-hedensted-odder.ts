import type { CompanyRow } from './companies';
import { HEDENSTED, ODDER } from './ids';

export const HEDENSTED_AND_ODDER: CompanyRow[] = [
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
