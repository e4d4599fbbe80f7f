import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { render } from 'svelte/server';
import Wheel from '$lib/wheel/components/Wheel.svelte';
import { copenhagenToday } from '$lib/platform/dates/iso';
import { formatDate } from '$lib/platform/dates/format';
import type { Locale } from '$lib/platform/dates/weeks';
import { parseFilters, type ActivityFilters } from '$lib/activities';
import { m } from '$lib/paraglide/messages.js';
import { todayHandAngle } from '$lib/wheel/geometry';
import { drawWheel, type WheelDrawing } from '$lib/wheel/drawing';
import { listEntries } from '$lib/wheel/key';
import { WHEEL_DRAWING_OPTIONS } from '$lib/wheel/frame';
import { focusOf, parseZoom, periodLabel, type ZoomPeriod } from '$lib/wheel/zoom';
import type { DB } from '$lib/platform/server/db/schema';
import { listFilterOptions } from '$lib/activities/server';
import { refuse, success, type Result } from '$lib/platform/server/http/result';
import { describeFilters, svgLegend } from './export-legend';
import { KEY_COLUMN, svgKey } from './export-key';
import { escapeXml, xmlSafeMarkup } from '$lib/platform/server/xml-text';
import { listMunicipalities, loadWheel, resolveSchoolYear, type WheelData } from './wheel';

/** A wheel as exported or printed: the data, plus the words that say what was chosen. */
export interface WheelExport extends WheelData {
	filters: ActivityFilters;
	filterWords: string;
	holidayMunicipality: string | null;
	now: Date;
	generated: string;
	/** The zoomed period (`zoom`, `fra`), the whole year by default. */
	period: ZoomPeriod;
}

/**
 * Reads the wheel page's query (year, filters, holidays) and loads what the user may see. A bad
 * year or zoom is a 400 with a Danish message.
 */
export async function loadWheelExport(
	db: Kysely<DB>,
	user: Actor | null,
	params: URLSearchParams,
	options: { locale: Locale; now?: Date }
): Promise<Result<WheelExport>> {
	const now = options.now ?? new Date();
	const resolved = resolveSchoolYear(params.get('year'), now);
	if (!resolved.ok) return resolved;
	const year = resolved.value;
	const zoom = parseZoom(year, params.get('zoom'), params.get('fra'), copenhagenToday(now));
	if (!zoom.ok) return refuse(400, zoom.message);
	const filters = parseFilters(params);
	const municipalities = await listMunicipalities(db);
	// As on the wheel page: without an explicit choice, the filtered municipality's holidays.
	const holidaysParam = params.get('holidays');
	const chosen = municipalities.find((mu) => mu.id === holidaysParam?.toLowerCase());
	const holidayMunicipalityId =
		holidaysParam !== null ? (chosen?.id ?? null) : (filters.municipalityId ?? null);
	const data = await loadWheel(db, user, {
		year,
		filters,
		holidayMunicipalityId,
		locale: options.locale
	});
	const filterOptions = await listFilterOptions(db);
	return success({
		...data,
		filters,
		filterWords: describeFilters(filters, filterOptions, options.locale),
		holidayMunicipality: municipalities.find((mu) => mu.id === holidayMunicipalityId)?.name ?? null,
		now,
		generated: formatDate(copenhagenToday(now), options.locale, 'long'),
		period: zoom.period
	});
}

export function exportFilename(year: string, extension: 'svg' | 'png'): string {
	return `aarshjul-${year.replace('/', '-')}.${extension}`;
}

const MARGIN = 30;
const HEADER = 120;
const LEGEND_WIDTH = 520;

function clip(text: string, max: number): string {
	const chars = [...text];
	return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** The server-rendered wheel as an SVG element placed at x, y, without Svelte's markers. */
function wheelElement(
	wheel: WheelExport,
	drawing: WheelDrawing<WheelExport['activities'][number]>,
	locale: Locale,
	hrefBase: string,
	x: number,
	y: number
) {
	const { body } = render(Wheel, {
		props: {
			drawing,
			activities: wheel.activities,
			categories: wheel.categories,
			holidays: wheel.holidays,
			publicHolidays: wheel.publicHolidays,
			today: wheel.now,
			year: wheel.year,
			locale,
			hrefBase,
			period: wheel.period
		}
	});
	// Hydration markers are comments; valid XML, but noise in a file people open and edit.
	const svg = xmlSafeMarkup(body.replace(/<!--[\s\S]*?-->/g, '').trim());
	if (!svg.startsWith('<svg')) throw new Error('Wheel.svelte no longer renders a root <svg>');
	return svg.replace(
		/^<svg\b/,
		`<svg x="${x}" y="${y}" width="${drawing.viewBox.width}" height="${drawing.viewBox.height}"`
	);
}

/**
 * A standalone SVG document: white background, a title line with the school year and the
 * filters, the wheel and its legend beside it. Links point at hrefBase (the site's origin).
 */
export function renderWheelSvg(
	wheel: WheelExport,
	options: { locale: Locale; title?: string; hrefBase?: string }
): string {
	const drawing = drawWheel(wheel.activities, wheel.categories, {
		...WHEEL_DRAWING_OPTIONS,
		year: wheel.year,
		focus: focusOf(wheel.period)
	});
	const wheelSize = drawing.viewBox;
	const panelX = MARGIN + wheelSize.width + 30;
	const legend = svgLegend({
		x: panelX,
		y: HEADER + 40,
		categories: wheel.categories,
		holidayMunicipality: wheel.holidayMunicipality,
		showToday: todayHandAngle(wheel.year, wheel.now) !== null,
		showBookings: wheel.activities.some((a) => a.booking)
	});
	// Every activity, with its number where the wheel shows one, dates and weeks: beside the wheel
	// below the legend, running on below the wheel when long, so that the file reads on its own.
	const width = panelX + Math.max(LEGEND_WIDTH - 30, KEY_COLUMN) + MARGIN;
	const keyTop = legend.bottom + 50;
	const wheelBottom = HEADER + wheelSize.height;
	const key = svgKey({
		beside: { x: panelX, y: keyTop, room: wheelBottom - keyTop },
		below: { x: MARGIN, y: Math.max(wheelBottom, keyTop) + 40, width: width - MARGIN * 2 },
		entries: listEntries(drawing.labels, wheel.activities, options.locale),
		heading: m.wheel_list_full_heading()
	});
	const height = Math.ceil(Math.max(HEADER + wheelSize.height, legend.bottom, key.bottom) + MARGIN);
	const title =
		options.title ??
		(wheel.period.level === 'aar'
			? m.wheel_svg_title({ year: wheel.year })
			: `${m.wheel_svg_title({ year: wheel.year })}: ${periodLabel(wheel.period, options.locale)}`);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'DejaVu Sans', system-ui, Arial, sans-serif">`,
		`<title>${escapeXml(title)}</title>`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		`<text x="${MARGIN}" y="${MARGIN + 34}" font-size="36" font-weight="700" fill="#111827">${escapeXml(clip(title, 70))}</text>`,
		`<text x="${MARGIN}" y="${MARGIN + 74}" font-size="20" fill="#374151">${escapeXml(clip(wheel.filterWords, 120))}</text>`,
		`<text x="${width - MARGIN}" y="${MARGIN + 74}" font-size="16" fill="#4b5563" text-anchor="end">${escapeXml(m.export_generated({ date: wheel.generated }))}</text>`,
		wheelElement(wheel, drawing, options.locale, options.hrefBase ?? '', MARGIN, HEADER),
		legend.svg,
		key.svg,
		'</svg>',
		''
	].join('\n');
}
