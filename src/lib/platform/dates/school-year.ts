import { daysInYear, parseIsoDate, type IsoDate } from './iso';

/** A school year label such as '2026/27': 1 August 2026 – 31 July 2027. */
export type SchoolYearLabel = string;

export interface SchoolYearRange {
	label: SchoolYearLabel;
	startYear: number;
	start: IsoDate;
	end: IsoDate;
	days: 365 | 366;
}

const LABEL = /^(\d{4})\/(\d{2})$/;
const FIRST_MONTH = 8;

export function formatSchoolYear(startYear: number): SchoolYearLabel {
	return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The start year of a label, or null when it is malformed ('2026/28', '26/27', '2026-27'). */
export function parseSchoolYear(label: string): number | null {
	const match = LABEL.exec(label.trim());
	if (!match) return null;
	const startYear = Number(match[1]);
	return (startYear + 1) % 100 === Number(match[2]) ? startYear : null;
}

export function isSchoolYearLabel(value: unknown): value is SchoolYearLabel {
	return typeof value === 'string' && parseSchoolYear(value) !== null;
}

function startYearOf(date: IsoDate): number {
	const parts = parseIsoDate(date);
	if (!parts) throw new Error(`Not a valid date: ${JSON.stringify(date)}`);
	return parts.month >= FIRST_MONTH ? parts.year : parts.year - 1;
}

export function schoolYearOf(date: IsoDate): SchoolYearLabel {
	return formatSchoolYear(startYearOf(date));
}

export function schoolYearRange(label: SchoolYearLabel): SchoolYearRange {
	const startYear = parseSchoolYear(label);
	if (startYear === null) throw new Error(`Not a school year: ${JSON.stringify(label)}`);
	return {
		label: formatSchoolYear(startYear),
		startYear,
		start: `${startYear}-08-01`,
		end: `${startYear + 1}-07-31`,
		// The only February in a school year is the one of its second calendar year.
		days: daysInYear(startYear + 1) as 365 | 366
	};
}

export function currentSchoolYear(today: IsoDate): SchoolYearLabel {
	return schoolYearOf(today);
}

function shiftSchoolYear(label: SchoolYearLabel, years: number): SchoolYearLabel {
	const startYear = parseSchoolYear(label);
	if (startYear === null) throw new Error(`Not a school year: ${JSON.stringify(label)}`);
	return formatSchoolYear(startYear + years);
}

export function nextSchoolYear(label: SchoolYearLabel): SchoolYearLabel {
	return shiftSchoolYear(label, 1);
}

export function previousSchoolYear(label: SchoolYearLabel): SchoolYearLabel {
	return shiftSchoolYear(label, -1);
}
