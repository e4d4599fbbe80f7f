import { error } from '@sveltejs/kit';
import { findMunicipality } from '$lib/organisations/server';
import type { Kysely } from 'kysely';
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
import type { RightsUser } from '$lib/activities/server';
import { listWheelItems, type WheelItem } from './items';

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
	/** '2026/27'; null or undefined means the current school year in Copenhagen. */
	year?: string | null;
	filters?: ActivityFilters;
	holidayMunicipalityId?: string | null;
	/** The embed: public, planned activities only, whoever asks. */
	publicOnly?: boolean;
	locale?: Locale;
	now?: Date;
}

const PILLAR_ORDER: Pillar[] = [
	'laerepladsalliance',
	'skole_virksomhed',
	'rekruttering',
	'faelles'
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The requested school year, or a 400 with a Danish message when it is malformed. */
export function resolveSchoolYear(value: string | null | undefined, now = new Date()): string {
	if (value === null || value === undefined || value === '') {
		return currentSchoolYear(copenhagenToday(now));
	}
	const startYear = parseSchoolYear(value);
	if (startYear === null || startYear < 1900 || startYear > 2200) {
		error(400, `Ugyldigt skoleår: «${value.slice(0, 20)}». Skriv det som 2026/27.`);
	}
	return schoolYearRange(value).label;
}

/** Categories in ring order: pillar by pillar as the agreement lists them, then by sort. */
async function listWheelCategories(
	db: Kysely<DB>,
	locale: Locale = 'da'
): Promise<WheelCategoryInfo[]> {
	const rows = await db
		.selectFrom('category')
		.select(['id', 'nameDa', 'nameEn', 'pillar', 'colour', 'ring', 'sort'])
		.orderBy('ring')
		.orderBy('sort')
		.orderBy('nameDa')
		.execute();
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
	return db
		.selectFrom('schoolHoliday')
		.select(['name', 'startDate', 'endDate'])
		.where('municipalityId', '=', municipalityId)
		.where('startDate', '<=', to)
		.where('endDate', '>=', from)
		.orderBy('startDate')
		.execute();
}

export { listMunicipalities, type MunicipalityRef } from '$lib/organisations/server';

export const findMunicipalityBySlug = (db: Kysely<DB>, slug: string) =>
	findMunicipality(db, { slug });

export async function loadWheel(
	db: Kysely<DB>,
	user: RightsUser | null,
	options: LoadWheelOptions = {}
): Promise<WheelData> {
	const locale = options.locale ?? 'da';
	const year = resolveSchoolYear(options.year, options.now);
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
