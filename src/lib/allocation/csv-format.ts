// The wish CSV's format: what the pages show and the parser (csv.ts) checks. Apart from csv.ts
// so the client door does not load csv-parse, whose module uses Node's Buffer (the browser has none).

export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** The columns in order; the wish columns after them are 'ønske 1' … 'ønske 5' (1 to 5 of them). */
export const CSV_COLUMNS = [
	'klasse',
	'pseudonym',
	'fornavn',
	'klassetrin',
	'aldersgruppe',
	'egen plads'
] as const;

/** How a CSV names one specific place: 'plads:' and the first 8 characters of the offer id. */
export function placeCode(offerId: string): string {
	return `plads:${offerId.slice(0, 8)}`;
}
