import { HEDENSTED, HORSENS, ODDER, holidayWeek } from './ids';

export interface HolidaySeed {
	/** Stable key within the municipality, for the deterministic id. */
	key: string;
	municipality: string;
	name: string;
	startDate: string;
	endDate: string;
}

type Holiday = Omit<HolidaySeed, 'municipality'>;

// Plausible school holidays for the demo, not the municipalities' official calendars. Weekends
// around a holiday are included, as the municipalities print them.
function common(): Holiday[] {
	const efteraar2026 = holidayWeek(2026, 42);
	const vinter2027 = holidayWeek(2027, 7);
	const efteraar2027 = holidayWeek(2027, 42);
	const vinter2028 = holidayWeek(2028, 7);
	return [
		{
			key: '2026/27:sommer-start',
			name: 'Sommerferie',
			startDate: '2026-06-27',
			endDate: '2026-08-09'
		},
		{
			key: '2026/27:efteraar',
			name: 'Efterårsferie',
			startDate: efteraar2026[0],
			endDate: efteraar2026[1]
		},
		{
			key: '2026/27:vinter',
			name: 'Vinterferie',
			startDate: vinter2027[0],
			endDate: vinter2027[1]
		},
		// Easter Sunday 2027 is 28 March: from the Saturday before Palm Sunday to 2. påskedag.
		{ key: '2026/27:paaske', name: 'Påskeferie', startDate: '2027-03-20', endDate: '2027-03-29' },
		{ key: '2026/27:sommer', name: 'Sommerferie', startDate: '2027-06-26', endDate: '2027-08-08' },
		{
			key: '2027/28:efteraar',
			name: 'Efterårsferie',
			startDate: efteraar2027[0],
			endDate: efteraar2027[1]
		},
		{ key: '2027/28:jul', name: 'Juleferie', startDate: '2027-12-22', endDate: '2028-01-02' },
		{
			key: '2027/28:vinter',
			name: 'Vinterferie',
			startDate: vinter2028[0],
			endDate: vinter2028[1]
		},
		// Easter Sunday 2028 is 16 April.
		{ key: '2027/28:paaske', name: 'Påskeferie', startDate: '2028-04-08', endDate: '2028-04-17' },
		{ key: '2027/28:sommer', name: 'Sommerferie', startDate: '2028-06-24', endDate: '2028-08-06' }
	];
}

// Where the three municipalities differ: the day after Kristi himmelfart (6 May 2027, 25 May
// 2028), the first day back after Christmas, and a day off before the autumn holiday.
const local: Record<string, Holiday[]> = {
	[HORSENS]: [
		{ key: '2026/27:jul', name: 'Juleferie', startDate: '2026-12-19', endDate: '2027-01-03' },
		{
			key: '2026/27:kr-himmelfart',
			name: 'Fridag efter Kristi himmelfart',
			startDate: '2027-05-07',
			endDate: '2027-05-07'
		},
		{
			key: '2027/28:kr-himmelfart',
			name: 'Fridag efter Kristi himmelfart',
			startDate: '2028-05-26',
			endDate: '2028-05-26'
		}
	],
	[HEDENSTED]: [
		{ key: '2026/27:jul', name: 'Juleferie', startDate: '2026-12-19', endDate: '2027-01-03' },
		{
			key: '2026/27:kr-himmelfart',
			name: 'Fridag efter Kristi himmelfart',
			startDate: '2027-05-07',
			endDate: '2027-05-07'
		},
		{
			key: '2027/28:kr-himmelfart',
			name: 'Fridag efter Kristi himmelfart',
			startDate: '2028-05-26',
			endDate: '2028-05-26'
		},
		{
			key: '2027/28:fridag-oktober',
			name: 'Fridag',
			startDate: '2027-10-15',
			endDate: '2027-10-15'
		}
	],
	[ODDER]: [
		{ key: '2026/27:jul', name: 'Juleferie', startDate: '2026-12-19', endDate: '2027-01-04' },
		{
			key: '2026/27:fridag-oktober',
			name: 'Fridag',
			startDate: '2026-10-09',
			endDate: '2026-10-09'
		},
		{
			key: '2027/28:kr-himmelfart',
			name: 'Fridag efter Kristi himmelfart',
			startDate: '2028-05-26',
			endDate: '2028-05-26'
		}
	]
};

export const HOLIDAYS: HolidaySeed[] = Object.entries(local).flatMap(([municipality, own]) =>
	[...common(), ...own]
		.sort((a, b) => a.startDate.localeCompare(b.startDate))
		.map((holiday) => ({ ...holiday, municipality }))
);
