// Text bound for an XML document (the SVG export, which the PNG export parses again). XML 1.0
// forbids C0 control characters other than tab and line breaks, lone surrogates and U+FFFE/FFFF
// anywhere, and forbids "]]>" in character data; either makes the whole file unreadable.

import { withoutForbiddenCharacters } from '$lib/platform/input-text';

/** The text without the characters XML cannot hold (controls dropped, lone surrogates as �). */
function xmlLegalText(text: string): string {
	return withoutForbiddenCharacters(text).replace(/[\uFFFE\uFFFF]/g, '');
}

/** Text for an XML element or a quoted attribute: escaped, and legal in XML. */
export function escapeXml(text: string): string {
	return xmlLegalText(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * Markup from an HTML renderer (Svelte's SSR) made XML-safe: HTML escapes only & and < in text,
 * so a title such as "a]]>b" arrives with its "]]>" raw. There is no CDATA section in this
 * markup, so every "]]>" is text (or an attribute value, where &gt; reads the same).
 */
export function xmlSafeMarkup(markup: string): string {
	return xmlLegalText(markup).replace(/]]>/g, ']]&gt;');
}
