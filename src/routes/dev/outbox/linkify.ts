export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// http(s) URLs up to whitespace; trailing punctuation belongs to the sentence, not the link.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]]+$/;

/** Splits text into plain parts and link parts, for rendering without {@html}. */
export function linkify(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of text.matchAll(URL_PATTERN)) {
		const start = match.index ?? 0;
		const url = match[0].replace(TRAILING, '');
		if (start > last) parts.push({ text: text.slice(last, start) });
		parts.push({ text: url, href: url });
		last = start + url.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}
