// Numbers as each language writes them: Danish 1.000 and 4,4, English 1,000 and 4.4. One helper
// for tables, charts and pages, so the page, the chart and the text alternative read alike.

export type NumberLocale = 'da' | 'en';

const formats = new Map<string, Intl.NumberFormat>();

/** A number with a fixed number of decimals and the language's separators. */
export function formatNumber(value: number, locale: NumberLocale = 'da', decimals = 0): string {
	const key = `${locale}:${decimals}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		});
		formats.set(key, format);
	}
	return format.format(value);
}
