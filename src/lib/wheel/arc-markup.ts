// The wheel's arcs as one string of SVG markup, written once on the server and once in the browser
// (Wheel.svelte puts it in with {@html}). A year of 2,000 activities is 2,000 links, each with its
// path, label and leader line: as Svelte components they cost two thirds of the page's HTML in
// per-element attributes and hydration markers, and most of its render time. Here each arc is
// one line of markup; what every label shares (colours, weight, baseline) is said once in a
// <style>, which the SVG and PNG exports carry too.
import type { Locale } from '$lib/platform/dates/weeks';
import { textColourOn } from './frame';
import { oneDecimal } from './geometry';
import { accessibleNameOf } from './labels';
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

const NEEDS_ESCAPE = /[&<>"]/;

/** Escapes text for an attribute value or element content, in HTML and in XML alike. */
export function escapeMarkup(text: string): string {
	if (!NEEDS_ESCAPE.test(text)) return text;
	return text.replace(/[&<>"]/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
	);
}

/** Shared look of labels and leader lines; the numbers on the arcs keep their own fill. */
export const ARC_STYLE =
	'.wheel .leader{fill:none;stroke:#4b5563;stroke-width:1}' +
	'.wheel [data-label=outside],.wheel [data-label=number]{fill:#111827}' +
	'.wheel [data-label=outside],.wheel [data-label=number],.wheel [data-label=number-on-arc]' +
	'{dominant-baseline:central;stroke:none}' +
	'.wheel [data-label=number],.wheel [data-label=number-on-arc]{font-weight:700}';

function labelMarkup(
	label: LabelPlacement,
	pathId: string,
	onArcFill: string,
	cancelled: boolean
): string {
	const strike = cancelled ? ' text-decoration="line-through"' : '';
	if (label.kind === 'arc') {
		return (
			`<path id="${pathId}" d="${label.path}" fill="none" stroke="none"/>` +
			`<text class="label" data-label="arc"${strike} font-size="${label.fontSize}" stroke="none" fill="${onArcFill}" aria-hidden="true">` +
			`<textPath href="#${pathId}" startOffset="50%" text-anchor="middle">${escapeMarkup(label.text)}</textPath></text>`
		);
	}
	// Leader lines to whole units: half a unit is a fraction of a pixel at any print size.
	let leader = '';
	if (label.leader.length) {
		let points = '';
		for (const point of label.leader) {
			points += (points ? ' ' : '') + Math.round(point.x) + ',' + Math.round(point.y);
		}
		leader = `<polyline class="leader" points="${points}"/>`;
	}
	const kind =
		label.kind === 'outside' ? 'outside' : label.leader.length ? 'number' : 'number-on-arc';
	const fill = kind === 'number-on-arc' ? ` fill="${onArcFill}"` : '';
	const text = label.kind === 'outside' ? escapeMarkup(label.text) : String(label.number);
	return (
		leader +
		`<text class="label" data-label="${kind}" x="${oneDecimal(label.x)}" y="${oneDecimal(label.y)}" text-anchor="${label.anchor}" font-size="${label.fontSize}"${fill}${strike} aria-hidden="true">${text}</text>`
	);
}

/** Every ring's arcs, each a link with its name, path and label, in ring order. */
export function arcsMarkup<T extends ArcItem>(
	drawing: WheelDrawing<T>,
	options: ArcMarkupOptions
): string {
	const { idPrefix, hrefBase, target, locale, cancelledWord, keyEntryId, colourOf } = options;
	const targetAttributes = target
		? ` target="${escapeMarkup(target)}"${target === '_blank' ? ' rel="noopener"' : ''}`
		: '';
	const labels = drawing.labels.byId;
	const hatch = `fill="url(#${idPrefix}-hatch)" stroke="#374151" stroke-width="1"`;
	const rings: string[] = [`<style>${ARC_STYLE}</style>`];
	drawing.layout.rings.forEach((ring, ringIndex) => {
		const colour = colourOf(ring.category);
		const textFill = textColourOn(colour);
		const parts: string[] = [];
		parts.push(
			`<g class="ring" data-category="${escapeMarkup(ring.category.id)}" fill="${colour}" stroke="#ffffff" stroke-width="0.75">`
		);
		ring.arcs.forEach((arc, arcIndex) => {
			const activity = arc.activity;
			const cancelled = activity.cancelled === true;
			const label = labels.get(activity.id);
			const keyEntry =
				label?.kind === 'number' && !cancelled ? keyEntryId?.(label.number) : undefined;
			let named: string;
			if (keyEntry) {
				named = `aria-labelledby="${keyEntry}"`;
			} else {
				const name = accessibleNameOf(activity, locale);
				named = `aria-label="${escapeMarkup(cancelled ? `${name} (${cancelledWord})` : name)}"`;
			}
			parts.push(
				`<a class="arc${cancelled ? ' cancelled' : ''}" href="${escapeMarkup(hrefBase + activity.href)}"${targetAttributes} ${named}>` +
					`<path class="fill" d="${arc.path}"${cancelled ? ' fill-opacity="0.45"' : ''}/>`
			);
			if (cancelled) parts.push(`<path class="hatch" d="${arc.path}" ${hatch}/>`);
			if (label) {
				const pathId = `${idPrefix}-l${ringIndex}-${arcIndex}`;
				parts.push(labelMarkup(label, pathId, cancelled ? '#111827' : textFill, cancelled));
			}
			parts.push('</a>');
		});
		parts.push('</g>');
		// A flat string per ring: one rope of the whole year's small pieces, all alive until the
		// end, would be copied by every young-generation collection on the way.
		rings.push(parts.join(''));
	});
	return rings.join('');
}
