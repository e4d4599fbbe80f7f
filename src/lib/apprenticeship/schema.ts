import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isIsoDate, type IsoDate } from '$lib/platform/dates/iso';
import { formatSchoolYear, parseSchoolYear, schoolYearOf } from '$lib/platform/dates/school-year';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, isWithinActivityRange } from '$lib/activities';
import { email, optionalText, requiredText, uuid } from '$lib/platform/schema';

/** The database allows 1..100 places per opening (checked in SQL too). */
const MAX_POSITIONS = 100;
/** A commitment names the trades the company trains in; the catalogue has about ten. */
export const MAX_TRADES = 20;
const TRADE_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const tradeCode = () =>
	z
		.string({ error: () => m.alliance_val_trade() })
		.trim()
		.min(1, { error: () => m.alliance_val_trade() })
		.max(60, { error: () => m.alliance_val_trade() })
		.regex(TRADE_CODE, { error: () => m.alliance_val_trade() });

/** Digits only: '1e1', '2.5', '-3' and '0x10' are typos here, not numbers to interpret. */
const positions = () =>
	z
		.string({ error: () => m.alliance_val_positions({ max: MAX_POSITIONS }) })
		.trim()
		.regex(/^\d{1,3}$/, { error: () => m.alliance_val_positions({ max: MAX_POSITIONS }) })
		.transform(Number)
		.refine((n) => n >= 1 && n <= MAX_POSITIONS, {
			error: () => m.alliance_val_positions({ max: MAX_POSITIONS })
		});

const startDate = () =>
	z
		.string({ error: () => m.val_required() })
		.trim()
		.min(1, { error: () => m.val_required() })
		.refine(isIsoDate, { error: () => m.activity_val_date_format() })
		.refine(isWithinActivityRange, {
			error: () => m.activity_val_date_range({ first: FIRST_SCHOOL_YEAR, last: LAST_SCHOOL_YEAR })
		});

/** A Danish or foreign phone number as people write it: digits, spaces, +, - and parentheses. */
const phone = () =>
	optionalText(40).refine((v) => v === '' || /^\+?[\d\s()-]{6,40}$/.test(v), {
		error: () => m.alliance_val_phone()
	});

export const commitmentSchema = z.object({
	contactName: requiredText(200),
	contactEmail: email(),
	contactPhone: phone(),
	note: optionalText(2000),
	trades: z
		.array(tradeCode(), { error: () => m.alliance_val_trades() })
		.min(1, { error: () => m.alliance_val_trades() })
		.max(MAX_TRADES, { error: () => m.alliance_val_trades() })
		.transform((codes) => [...new Set(codes)])
});
export type CommitmentInput = z.output<typeof commitmentSchema>;
export const COMMITMENT_ARRAY_FIELDS = ['trades'] as const;

/** Exactly the opening's editable columns: apprenticeship-openings.ts writes the parsed object. */
export const openingSchema = z.object({
	tradeCode: tradeCode(),
	positions: positions(),
	startDate: startDate(),
	contactName: requiredText(200),
	contactEmail: email(),
	description: optionalText(2000),
	status: z.enum(['open', 'filled'], { error: () => m.val_invalid_choice() }).default('open')
});
export type OpeningInput = z.output<typeof openingSchema>;

/** Creating names the company; editing keeps the stored one. */
export const newOpeningSchema = openingSchema.extend({ organisationId: uuid() });
export type NewOpeningInput = z.output<typeof newOpeningSchema>;

/**
 * The school year in the overview's address (?aar=2026/27): missing means the current one; a
 * malformed or far-off year is null (the page answers 400 rather than guessing).
 */
export function parseAllianceYear(value: string | null, today: IsoDate): string | null {
	const text = value?.trim() ?? '';
	if (text === '') return schoolYearOf(today);
	const startYear = parseSchoolYear(text);
	if (startYear === null || !isWithinActivityRange(`${startYear}-08-01`)) return null;
	return formatSchoolYear(startYear);
}

/** The years the chooser offers: two back, one ahead, and whichever is chosen. */
export function allianceYearChoices(today: IsoDate, chosen: string): string[] {
	const current = parseSchoolYear(schoolYearOf(today))!;
	const years = new Set([current - 2, current - 1, current, current + 1]);
	const picked = parseSchoolYear(chosen);
	if (picked !== null) years.add(picked);
	return [...years].sort((a, b) => a - b).map(formatSchoolYear);
}
