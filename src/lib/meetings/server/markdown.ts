import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Agenda and minutes are stored as the Markdown the secretariat typed and turned into HTML only
// on the way out. Two layers, because either alone has failed somewhere before: markdown-it with
// html: false escapes raw HTML and refuses javascript: links, and sanitize-html then keeps only
// an allow-list of tags, attributes and URL schemes, so a parser bug or a future option change
// cannot let a script through. Stored text stays as typed, so a better sanitiser later applies
// to old minutes too.
const parser = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED_TAGS = [
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'p',
	'br',
	'hr',
	'ul',
	'ol',
	'li',
	'strong',
	'em',
	's',
	'code',
	'pre',
	'blockquote',
	'a',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td'
];

const SANITISE: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['scope'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		// Links leave the app: no access to this window, no referrer with the meeting's address.
		a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
		// Column headings in the minutes' tables, for screen readers.
		th: sanitizeHtml.simpleTransform('th', { scope: 'col' })
	}
};

/** Markdown as safe HTML: the only HTML the meeting pages give to {@html}. */
export function renderMarkdown(markdown: string): string {
	if (markdown.trim() === '') return '';
	// Headings in the text start at level 3: the page has its h1 and the section its h2.
	const html = parser.render(markdown).replace(/<(\/?)h([1-6])>/g, (_, slash: string, level) => {
		const shifted = Math.min(6, Number(level) + 2);
		return `<${slash}h${shifted}>`;
	});
	return sanitizeHtml(html, SANITISE);
}
