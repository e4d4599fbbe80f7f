// The wheel's arcs as one string of SVG markup, written once on the server and once in the browser
// (Wheel.svelte puts it in with {@html}). A year of 2,000 activities is 2,000 links, each with its
// path, label and leader line: as Svelte components they cost two thirds of the page's HTML in
// per-element attributes and hydration markers, and most of its render time. Here each arc is
// one line of markup; what every label shares (colours, weight, baseline) is said once in a
// <style>, which the SVG and PNG exports carry too. The markup goes into one MarkupWriter, the
// arcs' paths included (the layout keeps angles and radii, no path strings).
import type { Locale } from '$lib/platform/dates/weeks';
import { textColourOn } from './frame';
import { writeSectorPath } from './geometry';
import { MarkupWriter } from './markup-writer';
import { accessibleNamer } from './labels';
import type { WheelDrawing } from './drawing';
import type { LabelPlacement } from './label-placement';
import type { WheelActivity, WheelCategory } from './layout';

/** What an arc needs beyond its place on the wheel. */
export interface ArcItem extends WheelActivity {
	/** Where the arc leads, a path on this site. */
	href: string;
	cancelled?: boolean;
}

export interface ArcMarkupOptions {
	/** Prefix of the ids in the markup (label paths, the hatch pattern): unique per wheel. */
	idPrefix: string;
	/** Put before every href: '' on the site, the site's origin in an export or embed. */
	hrefBase: string;
	/** '_blank' in the embed, so that a click leaves the iframe. */
	target?: string;
	/** The language of the arcs' accessible names. */
	locale: Locale;
	/** The word added to a cancelled activity's accessible name ('aflyst'). */
	cancelledWord: string;
	/**
	 * The id of the key entry that names numbered arc `number`, when the page shows it: the arc is
	 * then named by that entry (aria-labelledby) instead of carrying the same words again.
	 */
	keyEntryId?: (number: number) => string | undefined;
	/** A ring's colour. */
	colourOf: (category: WheelCategory) => string;
}

/** Escapes text for an attribute value or element content, in HTML and in XML alike. */
export function escapeMarkup(text: string): string {
	return new MarkupWriter(text.length + 16).escaped(text).toString();
}

/** Shared look of labels and leader lines; the numbers on the arcs keep their own fill. */
export const ARC_STYLE =
	'.wheel .leader{fill:none;stroke:#4b5563;stroke-width:1}' +
	'.wheel [data-label=outside],.wheel [data-label=number]{fill:#111827}' +
	'.wheel [data-label=outside],.wheel [data-label=number],.wheel [data-label=number-on-arc]' +
	'{dominant-baseline:central;stroke:none}' +
	'.wheel [data-label=number],.wheel [data-label=number-on-arc]{font-weight:700}';

/**
 * Every leader line as one path, under the arcs: a leader runs outwards from its arc's outer edge,
 * so only the rings outside its own cover it, as they did when each arc drew its own line. Whole
 * units: half a unit is a fraction of a pixel at any print size.
 */
function writeLeaders(w: MarkupWriter, labels: readonly LabelPlacement[]): void {
	let started = false;
	for (const label of labels) {
		if (label.kind === 'arc' || label.leader.length === 0) continue;
		w.raw(started ? 'M' : '<path class="leader" d="M');
		started = true;
		label.leader.forEach((point, index) => {
			if (index) w.raw('L');
			w.integer(Math.round(point.x)).raw(' ').integer(Math.round(point.y));
		});
	}
	if (started) w.raw('"/>');
}

function writeLabel(
	w: MarkupWriter,
	label: LabelPlacement,
	pathId: string,
	onArcFill: string,
	cancelled: boolean
): void {
	const strike = cancelled ? ' text-decoration="line-through"' : '';
	if (label.kind === 'arc') {
		w.raw('<path id="')
			.raw(pathId)
			.raw('" d="')
			.raw(label.path)
			.raw('" fill="none" stroke="none"/>');
		w.raw('<text class="label" data-label="arc"').raw(strike).raw(' font-size="');
		w.raw(String(label.fontSize)).raw('" stroke="none" fill="').raw(onArcFill);
		w.raw('" aria-hidden="true"><textPath href="#').raw(pathId);
		w.raw('" startOffset="50%" text-anchor="middle">').escaped(label.text);
		w.raw('</textPath></text>');
		return;
	}
	const kind =
		label.kind === 'outside' ? 'outside' : label.leader.length ? 'number' : 'number-on-arc';
	w.raw('<text class="label" data-label="')
		.raw(kind)
		.raw('" x="')
		.tenths(Math.round(label.x * 10));
	w.raw('" y="')
		.tenths(Math.round(label.y * 10))
		.raw('" text-anchor="')
		.raw(label.anchor);
	w.raw('" font-size="').raw(String(label.fontSize)).raw('"');
	if (kind === 'number-on-arc') w.raw(' fill="').raw(onArcFill).raw('"');
	w.raw(strike).raw(' aria-hidden="true">');
	if (label.kind === 'outside') w.escaped(label.text);
	else w.integer(label.number);
	w.raw('</text>');
}

/** Every ring's arcs, each a link with its name, path and label, in ring order. */
export function arcsMarkup<T extends ArcItem>(
	drawing: WheelDrawing<T>,
	options: ArcMarkupOptions
): string {
	const { idPrefix, hrefBase, target, locale, cancelledWord, keyEntryId, colourOf } = options;
	const w = new MarkupWriter(1 << 16);
	const targetAttributes = target
		? ` target="${escapeMarkup(target)}"${target === '_blank' ? ' rel="noopener"' : ''}`
		: '';
	// drawWheel placed the labels in the order of the rings' arcs, the order they are written in.
	const labels = drawing.labels.inOrder;
	let arcNumber = 0;
	const namer = accessibleNamer(locale);
	const { center } = drawing.layout;
	const hatch = `" fill="url(#${idPrefix}-hatch)" stroke="#374151" stroke-width="1"/>`;
	w.raw('<style>').raw(ARC_STYLE).raw('</style>');
	writeLeaders(w, drawing.labels.placements);
	drawing.layout.rings.forEach((ring, ringIndex) => {
		const colour = colourOf(ring.category);
		const textFill = textColourOn(colour);
		w.raw('<g class="ring" data-category="').escaped(ring.category.id).raw('" fill="');
		w.raw(colour).raw('" stroke="#ffffff" stroke-width="0.75">');
		ring.arcs.forEach((arc, arcIndex) => {
			const activity = arc.activity;
			const cancelled = activity.cancelled === true;
			const label = labels[arcNumber++];
			const keyEntry =
				label?.kind === 'number' && !cancelled ? keyEntryId?.(label.number) : undefined;
			w.raw(cancelled ? '<a class="arc cancelled" href="' : '<a class="arc" href="');
			w.escaped(hrefBase).escaped(activity.href).raw('"').raw(targetAttributes);
			if (keyEntry) {
				w.raw(' aria-labelledby="').raw(keyEntry).raw('">');
			} else {
				w.raw(' aria-label="');
				namer.write(w, activity);
				if (cancelled) w.raw(' (').escaped(cancelledWord).raw(')');
				w.raw('">');
			}
			const { innerRadius, outerRadius, startAngle, endAngle } = arc;
			w.raw('<path class="fill" d="');
			writeSectorPath(w, center.x, center.y, innerRadius, outerRadius, startAngle, endAngle);
			w.raw(cancelled ? '" fill-opacity="0.45"/>' : '"/>');
			if (cancelled) {
				w.raw('<path class="hatch" d="');
				writeSectorPath(w, center.x, center.y, innerRadius, outerRadius, startAngle, endAngle);
				w.raw(hatch);
			}
			if (label) {
				const pathId = `${idPrefix}-l${ringIndex}-${arcIndex}`;
				writeLabel(w, label, pathId, cancelled ? '#111827' : textFill, cancelled);
			}
			w.raw('</a>');
		});
		w.raw('</g>');
	});
	return w.toString();
}
