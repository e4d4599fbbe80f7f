// The fixed frame around the wheel's rings, in viewBox units. layoutWheel places the category rings
// between RING_INNER and RING_OUTER; the marks, weeks and months sit outside them.
export const WHEEL_SIZE = 1000;
export const CENTER = WHEEL_SIZE / 2;
export const RING_INNER = 125;
export const RING_OUTER = 376;
const RING_GAP = 3;
export const MARK_RADIUS = 385;
export const WEEK_INNER = 394;
export const WEEK_OUTER = 428;
export const MONTH_INNER = 430;
export const MONTH_OUTER = 488;

export const WHEEL_LAYOUT_OPTIONS = {
	size: WHEEL_SIZE,
	innerRadius: RING_INNER,
	outerRadius: RING_OUTER,
	ringGap: RING_GAP
};

function luminance(hex: string): number | null {
	const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
	if (!match) return null;
	const value = parseInt(match[1], 16);
	const channels = [value >> 16, (value >> 8) & 255, value & 255].map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/** White or near-black, whichever reads better on the fill (WCAG contrast ratio). */
export function textColourOn(fill: string): string {
	const l = luminance(fill);
	if (l === null) return '#111827';
	const onWhite = 1.05 / (l + 0.05);
	const onDark = (l + 0.05) / 0.0616;
	return onWhite >= onDark ? '#ffffff' : '#111827';
}

/** Splits a title into at most `lines` lines of `width` characters; the last one ends in '…'. */
export function wrapText(text: string, width: number, lines = 2): string[] {
	const words = text.trim().split(/\s+/);
	const result: string[] = [];
	let current = '';
	for (const word of words) {
		const next = current ? `${current} ${word}` : word;
		if ([...next].length <= width) {
			current = next;
			continue;
		}
		if (current) result.push(current);
		current = word;
		if (result.length === lines) break;
	}
	if (result.length < lines && current) result.push(current);
	const overflow = result.join(' ').length < text.trim().length;
	const clipped = result.slice(0, lines).map((line) => {
		const chars = [...line];
		return chars.length > width ? chars.slice(0, width - 1).join('') + '…' : line;
	});
	if (overflow && clipped.length > 0) {
		const last = clipped[clipped.length - 1];
		if (!last.endsWith('…')) {
			const chars = [...last];
			clipped[clipped.length - 1] =
				(chars.length >= width ? chars.slice(0, width - 1).join('') : last) + '…';
		}
	}
	return clipped;
}

/**
 * Text on the wheel is at least this big in viewBox units. The page and exports are about
 * about 1,590 units wide with the label columns: even at the 1,120 px the page gives it on a
 * 1,366 px screen, this is over 11 px.
 */
export const WHEEL_TEXT_SIZE = 16;
/**
 * Type on a phone, where the page shows the wheel's 1000-unit square alone: 38 units are 13 px on
 * the 343 px a 375 px phone gives it, and still 12 px on a 320 px one.
 */
export const PHONE_TEXT_SIZE = 38;

export const WHEEL_DRAWING_OPTIONS = {
	...WHEEL_LAYOUT_OPTIONS,
	wheelRadius: MONTH_OUTER,
	labelFontSize: WHEEL_TEXT_SIZE,
	// Room for a ring's name or a title on a ring of one lane.
	minRingWidth: WHEEL_TEXT_SIZE * 1.3,
	columnWidth: 260
};
