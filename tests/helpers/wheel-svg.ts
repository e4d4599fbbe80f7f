// Reads a server-rendered wheel SVG the way a reader looks at it: which arcs carry a name, which
// labels' boxes overlap, how small the smallest text is. Shared by the wheel's SVG tests.
import { PLACEMENT_CHAR_WIDTH, boxesOverlap, type Box } from '../../src/lib/wheel/label-placement';

export interface ArcLabels {
	id: string;
	kind: string | null;
	text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Markup's text as a reader gets it: named and numeric character references resolved. */
export const decode = (s: string) =>
	s.replace(/&(#?\w+);/g, (_, e: string) =>
		e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? `&${e};`)
	);

/**
 * Each arc link (to its activity, offer or booking) with the label drawn inside it (on it, outside
 * with a leader, or a number); `id` is the last part of its link.
 */
export function arcLabels(svg: string): ArcLabels[] {
	return [
		...svg.matchAll(
			/<a class="arc[^"]*"[^>]*href="[^"]*\/(?:aktiviteter|tilbud|bookinger)\/([^"]+)"[^>]*>([\s\S]*?)<\/a>/g
		)
	].map(([, id, inner]) => {
		const label = /<text class="label"[^>]*data-label="([^"]+)"[^>]*>([\s\S]*?)<\/text>/.exec(
			inner
		);
		const text = label ? decode(label[2].replace(/<[^>]+>/g, '')).trim() : '';
		return { id, kind: label?.[1] ?? null, text };
	});
}

/** Boxes of the horizontal labels (outside titles and numbers), from their position and text. */
export function labelBoxes(svg: string): Box[] {
	return [...svg.matchAll(/<text class="label"([^>]*)>([^<]*)<\/text>/g)].map(
		([, attributes, raw]) => {
			const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
			const fontSize = Number(attr('font-size'));
			const width = [...decode(raw)].length * fontSize * PLACEMENT_CHAR_WIDTH;
			const x = Number(attr('x'));
			const anchor = attr('text-anchor');
			const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
			return { x: left, y: Number(attr('y')) - fontSize / 2, width, height: fontSize };
		}
	);
}

/** Pairs of overlapping boxes, found by a sweep over x (boxes sorted by their left edge). */
export function overlappingPairs(boxes: Box[]): [Box, Box][] {
	const sorted = [...boxes].sort((a, b) => a.x - b.x);
	const pairs: [Box, Box][] = [];
	for (let i = 0; i < sorted.length; i++) {
		for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++) {
			if (boxesOverlap(sorted[i], sorted[j])) pairs.push([sorted[i], sorted[j]]);
		}
	}
	return pairs;
}

/** The smallest font-size in the wheel's SVG, in its own units. */
export function smallestFontSize(svg: string): number {
	return Math.min(...[...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])));
}

/** Width of the wheel's viewBox, the first viewBox in the document. */
export function viewBoxOf(svg: string): { width: number; height: number } {
	const [, , width, height] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/
		.exec(svg)!
		.slice(1)
		.map(Number);
	return { width, height };
}
