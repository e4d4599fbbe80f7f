import { m } from '$lib/paraglide/messages.js';
import { pillarLabel, type ActivityFilters } from '$lib/activities';
import type { Locale } from '$lib/platform/dates/weeks';
import type { FilterOptions } from '$lib/activities/server';
import type { WheelCategoryInfo } from './wheel';
import { bookingMarkLegend } from '../links';
import { escapeXml } from '$lib/platform/server/xml-text';

// The legend of an exported wheel, drawn as SVG so that the file explains itself without the page.

/** 'Søjle: Rekruttering · Kommune: Hedensted', or a line saying that nothing is filtered out. */
export function describeFilters(
	filters: ActivityFilters,
	options: FilterOptions,
	locale: Locale
): string {
	const nameOf = (list: { id: string; name: string }[], id?: string) =>
		list.find((item) => item.id === id)?.name;
	const parts: string[] = [];
	if (filters.pillar) parts.push(`${m.filter_pillar()}: ${pillarLabel(filters.pillar)}`);
	const categories = options.categories
		.filter((c) => filters.categoryIds.includes(c.id))
		.map((c) => (locale === 'en' ? c.nameEn : c.nameDa));
	if (categories.length > 0) parts.push(`${m.filter_categories()}: ${categories.join(', ')}`);
	const municipality = nameOf(options.municipalities, filters.municipalityId);
	if (municipality) parts.push(`${m.filter_municipality()}: ${municipality}`);
	const school = nameOf(options.schools, filters.schoolId);
	if (school) parts.push(`${m.filter_school()}: ${school}`);
	const company = nameOf(options.companies, filters.companyId);
	if (company) parts.push(`${m.filter_company()}: ${company}`);
	const trade = options.trades.find((t) => t.code === filters.trade);
	if (trade) parts.push(`${m.filter_trade()}: ${locale === 'en' ? trade.nameEn : trade.nameDa}`);
	if (filters.q) parts.push(`${m.filter_search()}: «${filters.q}»`);
	return parts.length > 0 ? parts.join(' · ') : m.export_no_filters();
}

export interface SvgLegendOptions {
	x: number;
	y: number;
	categories: WheelCategoryInfo[];
	holidayMunicipality: string | null;
	showToday: boolean;
	/** Explain the marks before booked arcs' names. */
	showBookings?: boolean;
}

const ROW = 28;
const SWATCH = 18;

/** The legend as an SVG group, and the y just below it (so the document can be tall enough). */
export function svgLegend(options: SvgLegendOptions): { svg: string; bottom: number } {
	const { x, categories } = options;
	let y = options.y;
	const out: string[] = [
		'<defs><pattern id="legend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c7cbd1"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1f2937" stroke-width="2"/></pattern></defs>',
		`<text x="${x}" y="${y}" font-size="26" font-weight="700">${escapeXml(m.wheel_legend_heading())}</text>`
	];
	y += 32;
	out.push(
		`<text x="${x}" y="${y}" font-size="17" fill="#4b5563">${escapeXml(m.wheel_legend_rings())}</text>`
	);
	let pillar: string | null = null;
	for (const category of categories) {
		if (category.pillar !== pillar) {
			pillar = category.pillar;
			y += ROW + 8;
			out.push(
				`<text x="${x}" y="${y}" font-size="18" font-weight="700">${escapeXml(pillarLabel(category.pillar))}</text>`
			);
		}
		y += ROW;
		out.push(
			`<rect x="${x}" y="${y - SWATCH + 3}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${escapeXml(category.colour)}" stroke="#00000066"/>`,
			`<text x="${x + SWATCH + 10}" y="${y}" font-size="17">${escapeXml(category.name)}</text>`
		);
	}
	y += ROW + 14;
	out.push(
		`<text x="${x}" y="${y}" font-size="18" font-weight="700">${escapeXml(m.wheel_legend_marks())}</text>`
	);
	const mark = (symbol: string, text: string) => {
		y += ROW;
		out.push(
			symbol,
			`<text x="${x + SWATCH + 10}" y="${y}" font-size="17">${escapeXml(text)}</text>`
		);
	};
	const box = (fill: string, opacity = 1) =>
		`<rect x="${x}" y="${y + ROW - SWATCH + 3}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${fill}" fill-opacity="${opacity}" stroke="#00000066"/>`;
	if (options.holidayMunicipality) {
		mark(
			box('#6b7280', 0.22),
			m.wheel_legend_school_holiday({ municipality: options.holidayMunicipality })
		);
	}
	mark(
		`<circle cx="${x + SWATCH / 2}" cy="${y + ROW - 6}" r="5" fill="#b91c1c"/>`,
		m.wheel_legend_public_holiday()
	);
	mark(box('url(#legend-hatch)'), m.wheel_legend_cancelled());
	if (options.showToday) {
		mark(
			`<line x1="${x}" y1="${y + ROW - 6}" x2="${x + SWATCH}" y2="${y + ROW - 6}" stroke="#111827" stroke-width="4" stroke-linecap="round"/>`,
			m.wheel_legend_today()
		);
	}
	if (options.showBookings) {
		y += ROW + 14;
		out.push(
			`<text x="${x}" y="${y}" font-size="18" font-weight="700">${escapeXml(m.wheel_legend_bookings())}</text>`
		);
		for (const entry of bookingMarkLegend()) {
			mark(
				`<text x="${x + SWATCH / 2}" y="${y + ROW}" font-size="17" font-weight="700" text-anchor="middle">${entry.mark}</text>`,
				entry.text
			);
		}
	}
	return {
		svg: `<g class="legend" fill="#111827">${out.join('')}</g>`,
		bottom: y + 12
	};
}
