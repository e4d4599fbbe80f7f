// The one rule for text that comes in from outside — form fields, query strings and JSON bodies
// alike: no C0 control characters other than tab and line breaks, no DEL, and no lone UTF-16
// surrogates. PostgreSQL cannot store NUL at all, XML (the SVG export) forbids the other
// controls, and none of them is ever typed by a person: they come from broken copy-paste or probes.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a value breaks the input rule (a control character or a lone surrogate). */
export function hasForbiddenCharacters(value: string): boolean {
	return CONTROL_CHARACTERS.test(value) || LONE_SURROGATE.test(value);
}

/** Every string inside a parsed JSON value, however deeply nested, with its key path. */
export function forbiddenJsonFields(value: unknown, path = ''): string[] {
	if (typeof value === 'string') return hasForbiddenCharacters(value) ? [path || '_form'] : [];
	if (Array.isArray(value)) return value.flatMap((v) => forbiddenJsonFields(v, path));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, v]) => [
			...(hasForbiddenCharacters(key) ? [path || '_form'] : []),
			...forbiddenJsonFields(v, path || key)
		]);
	}
	return [];
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Text on its way out (a feed, a mail, an SVG) without what the input rule refuses: controls
 * dropped, lone surrogates as U+FFFD. For rows stored before the rule, or by other ways in.
 */
export function withoutForbiddenCharacters(text: string): string {
	return text.replace(CONTROL_CHARACTERS_ALL, '').replace(LONE_SURROGATE_ALL, '\uFFFD');
}

/** One line of text (a mail subject): forbidden characters dropped, line breaks and tabs as spaces. */
export function singleLine(text: string): string {
	return withoutForbiddenCharacters(text).replace(/[\t\r\n]+/g, ' ');
}
