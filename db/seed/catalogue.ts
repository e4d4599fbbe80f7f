import type { Pillar } from '../../src/lib/platform/server/db/schema';

export interface TradeSeed {
	code: string;
	nameDa: string;
	nameEn: string;
	sort: number;
}

// The agreement starts with industritekniker and smed; the rest are the trades it may grow into.
export const TRADES: TradeSeed[] = [
	['industritekniker', 'Industritekniker', 'Industrial technician'],
	['smed', 'Smed', 'Metalworker (smith)'],
	['automatiktekniker', 'Automatiktekniker', 'Automation technician'],
	['elektriker', 'Elektriker', 'Electrician'],
	['vvs-energispecialist', 'VVS-energispecialist', 'Plumbing and energy technician'],
	['procesoperatoer', 'Procesoperatør', 'Process operator'],
	['maskinsnedker', 'Maskinsnedker', 'Machine joiner'],
	['toemrer', 'Tømrer', 'Carpenter'],
	['murer', 'Murer', 'Bricklayer'],
	['data-og-kommunikation', 'Data- og kommunikationsuddannelsen', 'Data and communication']
].map(([code, nameDa, nameEn], index) => ({ code, nameDa, nameEn, sort: (index + 1) * 10 }));

export interface CategorySeed {
	slug: string;
	nameDa: string;
	nameEn: string;
	pillar: Pillar;
	colour: string;
	ring: number;
	sort: number;
}

// One ring per pillar, in the order the agreement lists them, the shared meetings last.
// Every colour has at least 3:1 contrast against white (WCAG 1.4.11 non-text contrast).
const RING: Record<Pillar, number> = {
	laerepladsalliance: 1,
	skole_virksomhed: 2,
	rekruttering: 3,
	faelles: 4
};

export const CATEGORIES: CategorySeed[] = (
	[
		[
			'laerepladsalliance',
			'Lærepladsalliance',
			'Apprenticeship alliance',
			'laerepladsalliance',
			'#1f5fa8'
		],
		[
			'laerepladsmatch',
			'Lærepladsmatch',
			'Apprenticeship matching',
			'laerepladsalliance',
			'#3949ab'
		],
		['erhvervspraktik', 'Erhvervspraktik', 'Work experience', 'skole_virksomhed', '#2e7d32'],
		['virksomhedsbesoeg', 'Virksomhedsbesøg', 'Company visit', 'skole_virksomhed', '#00796b'],
		['industrimuseet', 'Industrimuseet', 'Industrial Museum', 'skole_virksomhed', '#8d4b12'],
		['uddannelsesmesse', 'Uddannelsesmesse', 'Education fair', 'rekruttering', '#c2185b'],
		[
			'gf1-inspirationsdag',
			'GF1-inspirationsdag',
			'Vocational taster day (GF1)',
			'rekruttering',
			'#c0392b'
		],
		['kampagne', 'Kampagne', 'Campaign', 'rekruttering', '#7b1fa2'],
		['alliancemoede', 'Alliancemøde', 'Alliance meeting', 'faelles', '#455a64']
	] as const
).map(([slug, nameDa, nameEn, pillar, colour], index) => ({
	slug,
	nameDa,
	nameEn,
	pillar,
	colour,
	ring: RING[pillar],
	sort: (index + 1) * 10
}));
