import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { findMunicipality } from '$lib/organisations/server';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { danishPublicHolidays, type PublicHoliday } from '$lib/platform/dates/holidays';
import {
	currentSchoolYear,
	nextSchoolYear,
	parseSchoolYear,
	previousSchoolYear,
	schoolYearRange,
	type SchoolYearLabel
} from '$lib/platform/dates/school-year';
import type { Locale } from '$lib/platform/dates/weeks';
import type { ActivityFilters } from '$lib/activities';
import type { DB, Pillar } from '$lib/platform/server/db/schema';
import { UUID, refuse, success, type Result } from '$lib/platform/server/http/result';
import { listWheelItems, type WheelItem } from './items';
import { listCategories, listHolidaysBetween } from './queries';

export type { WheelItem };

/** A category as the wheel shows it: one ring each, rings grouped by pillar. */
export interface WheelCategoryInfo {
	id: string;
	name: string;
	nameDa: string;
	nameEn: string;
	pillar: Pillar;
	colour: string;
	/** 1 is the innermost ring. */
	ring: number;
}

export interface SchoolHolidaySpan {
	name: string;
	startDate: string;
	endDate: string;
}

export interface WheelData {
	year: SchoolYearLabel;
	previousYear: SchoolYearLabel;
	nextYear: SchoolYearLabel;
	categories: WheelCategoryInfo[];
	activities: WheelItem[];
	holidays: SchoolHolidaySpan[];
	publicHolidays: PublicHoliday[];
}

export interface LoadWheelOptions {
	/** '2026/27', as resolveSchoolYear gives it. */
	year: SchoolYearLabel;
	filters?: ActivityFilters;
	holidayMunicipalityId?: string | null;
	/** The embed: public, planned activities only, whoever asks. */
	publicOnly?: boolean;
	locale?: Locale;
}

const PILLAR_ORDER: Pillar[] = [
	'laerepladsalliance',
	'skole_virksomhed',
	'rekruttering',
	'faelles'
];
/**
 * The requested school year (empty: the current one in Copenhagen), or a 400 with a Danish
 * message when it is malformed.
 */
export function resolveSchoolYear(
	value: string | null | undefined,
	now = new Date()
): Result<SchoolYearLabel> {
	if (value === null || value === undefined || value === '') {
		return success(currentSchoolYear(copenhagenToday(now)));
	}
	const startYear = parseSchoolYear(value);
	if (startYear === null || startYear < 1900 || startYear > 2200) {
		return refuse(400, `Ugyldigt skoleår: «${value.slice(0, 20)}». Skriv det som 2026/27.`);
	}
	return success(schoolYearRange(value).label);
}

/** Categories in ring order: pillar by pillar as the agreement lists them, then by sort. */
async function listWheelCategories(
	db: Kysely<DB>,
	locale: Locale = 'da'
): Promise<WheelCategoryInfo[]> {
	const rows = await listCategories(db);
	return rows
		.sort((a, b) => PILLAR_ORDER.indexOf(a.pillar) - PILLAR_ORDER.indexOf(b.pillar))
		.map((row, index) => ({
			id: row.id,
			name: locale === 'en' ? row.nameEn : row.nameDa,
			nameDa: row.nameDa,
			nameEn: row.nameEn,
			pillar: row.pillar,
			colour: row.colour,
			ring: index + 1
		}));
}

export async function listSchoolHolidays(
	db: Kysely<DB>,
	municipalityId: string,
	from: string,
	to: string
): Promise<SchoolHolidaySpan[]> {
	if (!UUID.test(municipalityId)) return [];
	return listHolidaysBetween(db, municipalityId, from, to);
}

export { listMunicipalities, type MunicipalityRef } from '$lib/organisations/server';

export const findMunicipalityBySlug = (db: Kysely<DB>, slug: string) =>
	findMunicipality(db, { slug });

export async function loadWheel(
	db: Kysely<DB>,
	user: Actor | null,
	options: LoadWheelOptions
): Promise<WheelData> {
	const locale = options.locale ?? 'da';
	const year = options.year;
	const { start, end } = schoolYearRange(year);
	// The embed ignores the session: it shows what an anonymous visitor may see, and less.
	const viewer = options.publicOnly ? null : user;
	const categories = await listWheelCategories(db, locale);
	const activities = await listWheelItems(db, viewer, {
		from: start,
		to: end,
		filters: options.filters,
		publicOnly: options.publicOnly
	});
	const holidays = options.holidayMunicipalityId
		? await listSchoolHolidays(db, options.holidayMunicipalityId, start, end)
		: [];
	return {
		year,
		previousYear: previousSchoolYear(year),
		nextYear: nextSchoolYear(year),
		categories,
		activities,
		holidays,
		publicHolidays: danishPublicHolidays(start, end)
	};
}
