import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { formatNumber } from '$lib/platform/numbers';
import type { ReportTable } from './tables';

// Charts drawn on the server by Apache ECharts' SVG renderer (server-side rendering): the page shows
// them before any JavaScript loads, they print sharply, and ECharts escapes every label it writes.
echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);
// Without a canvas ECharts guesses text widths too narrow for the fonts browsers pick, so labels
// were cut at the left edge and legend entries overlapped: measure generously instead.
echarts.setPlatformAPI({
	measureText: (text: string, font?: string) => {
		const size = Number(/(\d+)px/.exec(font ?? '')?.[1] ?? 12);
		return { width: text.length * size * 0.62 };
	}
});

/** Series colours from the app's palette, each at least 4.5:1 against white (text-level contrast). */
const COLOURS = ['#0b4f8a', '#b45309', '#166534', '#7b1fa2'];
const INK = '#1f2937';
const WIDTH = 560;
const MAX_BARS = 20;

export interface ReportChart {
	tableId: string;
	svg: string;
	/** The text alternative: the same numbers the table holds, in one sentence. */
	alt: string;
}

function label(value: string): string {
	return value.length > 28 ? `${value.slice(0, 27)}…` : value;
}

const locale = () => (getLocale() === 'en' ? 'en' : 'da');

/** The chart's numbers as the tables write them (Danish 1.000 and 4,4). */
function numberText(value: unknown, decimals = 0): string {
	return typeof value === 'number' ? formatNumber(value, locale(), decimals) : String(value);
}

function chartAlt(table: ReportTable, rows: ReportTable['rows'], columns: number[]): string {
	const parts = rows.map(
		(row) =>
			`${row[0]}: ${columns
				.map((c) => `${table.columns[c].label} ${numberText(row[c], table.columns[c].decimals)}`)
				.join(', ')}`
	);
	const more = table.rows.length - rows.length;
	const rest = more > 0 ? ` ${m.report_chart_more({ count: String(more) })}` : '';
	return `${m.report_chart_alt({ title: table.title })} ${parts.join('; ')}.${rest}`;
}

/** A horizontal bar chart of one table, or null when the table has no rows. */
export function reportChart(table: ReportTable): ReportChart | null {
	if (!table.chart || table.rows.length === 0) return null;
	const { columns, stacked } = table.chart;
	const rows = table.rows.slice(0, MAX_BARS);
	const barsPerRow = stacked ? 1 : columns.length;
	const height = 70 + rows.length * (14 + 14 * barsPerRow);
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
	chart.setOption({
		animation: false,
		color: COLOURS,
		textStyle: { color: INK, fontFamily: 'system-ui, sans-serif', fontSize: 12 },
		legend: { show: columns.length > 1, top: 0, itemGap: 16, textStyle: { color: INK } },
		grid: { left: 8, right: 40, top: columns.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
		xAxis: {
			type: 'value',
			minInterval: 1,
			axisLabel: { color: INK, formatter: (v: number) => numberText(v) }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: rows.map((r) => label(String(r[0]))),
			axisLabel: { color: INK }
		},
		series: columns.map((c) => ({
			type: 'bar',
			name: table.columns[c].label,
			data: rows.map((r) => Number(r[c])),
			stack: stacked ? 'total' : undefined,
			label: {
				show: !stacked,
				position: 'right',
				color: INK,
				formatter: (p: { value: unknown }) => numberText(p.value, table.columns[c].decimals)
			},
			silent: true,
			emphasis: { disabled: true }
		}))
	});
	const svg = chart.renderToSVGString();
	chart.dispose();
	// Hover styles only, under class names every chart repeats: without them charts cannot clash.
	return {
		tableId: table.id,
		svg: svg.replace(/<style[\s\S]*?<\/style>/g, ''),
		alt: chartAlt(table, rows, columns)
	};
}

export function reportCharts(tables: ReportTable[]): Record<string, ReportChart> {
	const charts: Record<string, ReportChart> = {};
	for (const table of tables) {
		const chart = reportChart(table);
		if (chart) charts[table.id] = chart;
	}
	return charts;
}
