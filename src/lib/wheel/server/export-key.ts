import { m } from '$lib/paraglide/messages.js';
import type { KeyEntry } from '$lib/wheel/key';
import { escapeXml } from '$lib/platform/server/xml-text';

// The list of an exported wheel: every activity with its number on the wheel, dates and weeks,
// in columns beside the wheel, so that a printout reads without a screen.

const ROW = 24;
const COLUMN = 560;
const FONT = 17;
/** The width of one column of the list. */
export const KEY_COLUMN = COLUMN;

interface Point {
	x: number;
	y: number;
}

/**
 * The list in one column beside the wheel, from `beside` down to `room` units of height; what does
 * not fit there runs on below the wheel, from `below`, in as many columns as `below.width` holds.
 * The wheel keeps its size, so its text stays as large as before when the file is printed.
 */
export function svgKey(options: {
	beside: Point & { room: number };
	below: Point & { width: number };
	entries: KeyEntry[];
	heading?: string;
}): {
	svg: string;
	bottom: number;
} {
	const { beside, below, entries } = options;
	if (entries.length === 0) return { svg: '', bottom: beside.y };
	const top = beside.y + 40;
	const besideRows = Math.max(1, Math.floor((beside.room - 40) / ROW));
	const rest = Math.max(0, entries.length - besideRows);
	const columns = Math.max(1, Math.floor(below.width / COLUMN));
	const belowRows = Math.ceil(rest / columns);
	const maxChars = Math.floor((COLUMN - 60) / (FONT * 0.55));
	const out = [
		`<text x="${beside.x}" y="${beside.y}" font-size="24" font-weight="700">${escapeXml(options.heading ?? m.wheel_key_heading())}</text>`
	];
	const place = (index: number): Point => {
		if (index < besideRows) return { x: beside.x, y: top + index * ROW };
		const at = index - besideRows;
		return {
			x: below.x + Math.floor(at / belowRows) * COLUMN,
			y: below.y + (at % belowRows) * ROW
		};
	};
	entries.forEach((entry, index) => {
		const { x: cx, y: cy } = place(index);
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
		bottom:
			rest > 0
				? below.y + (belowRows - 1) * ROW + 12
				: top + (Math.min(besideRows, entries.length) - 1) * ROW + 12
	};
}
