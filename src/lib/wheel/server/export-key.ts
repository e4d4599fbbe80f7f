import { m } from '$lib/paraglide/messages.js';
import type { KeyEntry } from '$lib/wheel/key';
import { escapeXml } from '$lib/platform/server/xml-text';

// The numbered key of an exported wheel: what each number on the wheel stands for, with dates
// and weeks, in columns across the document below the wheel.

const ROW = 24;
const COLUMN = 560;
const FONT = 17;

export function svgKey(options: {
	x: number;
	y: number;
	width: number;
	entries: KeyEntry[];
	heading?: string;
}): {
	svg: string;
	bottom: number;
} {
	const { x, entries } = options;
	if (entries.length === 0) return { svg: '', bottom: options.y };
	const columns = Math.max(1, Math.floor(options.width / COLUMN));
	const rows = Math.ceil(entries.length / columns);
	const maxChars = Math.floor((COLUMN - 60) / (FONT * 0.55));
	const top = options.y + 40;
	const out = [
		`<text x="${x}" y="${options.y}" font-size="24" font-weight="700">${escapeXml(options.heading ?? m.wheel_key_heading())}</text>`
	];
	entries.forEach((entry, index) => {
		const column = Math.floor(index / rows);
		const cx = x + column * COLUMN;
		const cy = top + (index % rows) * ROW;
		// A long title is cut, never the dates and weeks after it.
		const title = entry.title && entry.text.startsWith(entry.title) ? entry.title : entry.text;
		const when = entry.text.slice(title.length);
		const room = Math.max(8, maxChars - [...when].length);
		const chars = [...title];
		const text = (chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : title) + when;
		out.push(
			`<text x="${cx + 44}" y="${cy}" font-size="${FONT}" font-weight="700" text-anchor="end">${entry.number ?? '•'}</text>`,
			`<text x="${cx + 54}" y="${cy}" font-size="${FONT}">${escapeXml(text)}</text>`
		);
	});
	return {
		svg: `<g class="key" fill="#111827">${out.join('')}</g>`,
		bottom: top + (rows - 1) * ROW + 12
	};
}
