import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { addDays, copenhagenToday, isIsoDate } from '$lib/platform/dates/iso';
import { isSkippedLocalTime } from '$lib/platform/dates/local-time';
import { formatIsoWeekValue, mondayOfIsoWeek, parseWeekInput } from '$lib/platform/dates/weeks';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, isWithinActivityRange } from '$lib/activities';
import { email, optionalText, requiredText, uuid } from '$lib/platform/schema';

const OFFER_KINDS = ['erhvervspraktik', 'visit', 'forloeb'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
const OFFER_VISIBILITIES = ['public', 'alliance'] as const;
const MAX_CAPACITY = 500;
const MAX_WEEKS = 10;
const MAX_SESSIONS = 20;
/** `<input type="week">` sends '2027-W06'. */
const WEEK = /^(\d{4})-W(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** Erhvervspraktik and company visits are for the udskoling; museum forløb for every grade. */
function gradeRange(kind: OfferKind): { min: number; max: number } {
	return kind === 'forloeb' ? { min: 0, max: 10 } : { min: 8, max: 10 };
}

/** Monday–Friday of an ISO week written '2027-W06', or null. */
export function schoolWeekOf(value: string): { startDate: string; endDate: string } | null {
	const match = WEEK.exec(value);
	const monday = match ? mondayOfIsoWeek(Number(match[1]), Number(match[2])) : null;
	return monday ? { startDate: monday, endDate: addDays(monday, 4) } : null;
}

/**
 * A week field's text as '2027-W44': the picker's value, or 'uge 44', '44', '44/2027' typed where
 * the browser has no week picker. Anything else is kept, for the schema to refuse in Danish.
 */
export function normaliseWeek(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const week = parseWeekInput(value, copenhagenToday());
	return week ? formatIsoWeekValue(week) : value;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const optionalDate = () =>
	z.preprocess(
		blankToUndefined,
		z
			.string()
			.refine(isIsoDate, { error: () => m.activity_val_date_format() })
			.optional()
			.transform((v) => v ?? null)
	);
const time = () =>
	z.preprocess(
		blankToUndefined,
		z
			.string()
			.regex(TIME, { error: () => m.activity_val_time_format() })
			.transform((v) => v.slice(0, 5))
			.optional()
			.transform((v) => v ?? null)
	);
const inRange = () =>
	z.string().refine(isWithinActivityRange, {
		error: () => m.offer_err_dates_range({ first: FIRST_SCHOOL_YEAR, last: LAST_SCHOOL_YEAR })
	});

/** Fields shared by the create and the edit form. */
const common = {
	title: requiredText(200),
	description: optionalText(5000),
	tradeCode: z.preprocess(
		blankToUndefined,
		z
			.string()
			.max(60)
			.optional()
			.transform((v) => v ?? null)
	),
	gradeLevels: z.preprocess(
		(v) => list(v).map((g) => (typeof g === 'string' ? Number(g) : g)),
		z.array(z.number().int().min(0).max(10), {
			error: () => m.offer_val_grades({ min: 0, max: 10 })
		})
	),
	capacity: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
		z
			.number({ error: () => m.offer_val_capacity({ max: MAX_CAPACITY }) })
			.int({ error: () => m.offer_val_capacity({ max: MAX_CAPACITY }) })
			.min(1, { error: () => m.offer_val_capacity({ max: MAX_CAPACITY }) })
			.max(MAX_CAPACITY, { error: () => m.offer_val_capacity({ max: MAX_CAPACITY }) })
	),
	startTime: time(),
	endTime: time(),
	bookingOpensAt: optionalDate(),
	bookingClosesAt: optionalDate(),
	contactName: requiredText(200),
	contactEmail: email(),
	address: optionalText(300),
	whatToBring: optionalText(2000),
	whatYouSee: optionalText(2000),
	visibility: z
		.enum(OFFER_VISIBILITIES, { error: () => m.val_invalid_choice() })
		.default('alliance')
};

type Common = {
	startTime: string | null;
	endTime: string | null;
	bookingOpensAt: string | null;
	bookingClosesAt: string | null;
};
type Ctx = z.RefinementCtx;

/** Times in the spring gap on any of the dates are refused (see local-time.ts). */
function checkSkipped(v: Common, dates: string[], ctx: Ctx) {
	for (const key of ['startTime', 'endTime'] as const) {
		const time = v[key];
		if (time && dates.some((date) => isIsoDate(date) && isSkippedLocalTime(date, time))) {
			ctx.addIssue({ code: 'custom', path: [key], message: m.val_time_skipped() });
		}
	}
}

function checkCommon(v: Common, ctx: Ctx) {
	if (
		(v.startTime === null) !== (v.endTime === null) ||
		(v.startTime && v.endTime && v.endTime <= v.startTime)
	) {
		ctx.addIssue({ code: 'custom', path: ['endTime'], message: m.activity_val_time_order() });
	}
	if (v.bookingOpensAt && v.bookingClosesAt && v.bookingClosesAt < v.bookingOpensAt) {
		ctx.addIssue({
			code: 'custom',
			path: ['bookingClosesAt'],
			message: m.offer_val_window_order()
		});
	}
}

/** Checks that depend on the kind; shared with updateOffer, where the kind is the stored one. */
export function kindIssues(
	kind: OfferKind,
	v: { gradeLevels: number[]; tradeCode: string | null; startTime: string | null }
): Record<string, string> {
	const issues: Record<string, string> = {};
	const { min, max } = gradeRange(kind);
	if (v.gradeLevels.length === 0 || v.gradeLevels.some((g) => g < min || g > max)) {
		issues.gradeLevels = m.offer_val_grades({ min, max });
	}
	if (kind === 'erhvervspraktik' && !v.tradeCode) issues.tradeCode = m.offer_val_trade_required();
	if (kind === 'visit' && !v.startTime) issues.startTime = m.offer_val_visit_times();
	return issues;
}

export const offerSchema = z
	.object({
		...common,
		kind: z.enum(OFFER_KINDS, { error: () => m.offer_val_kind() }),
		ownerId: uuid(),
		weeks: z.preprocess(
			(v) => list(v).map(normaliseWeek),
			z
				.array(
					z
						.string()
						.refine((w) => schoolWeekOf(w) !== null, { error: () => m.offer_val_week_format() })
				)
				.max(MAX_WEEKS, { error: () => m.offer_val_too_many({ max: MAX_WEEKS }) })
		),
		dates: z.preprocess(
			list,
			z
				.array(inRange())
				.max(MAX_SESSIONS, { error: () => m.offer_val_too_many({ max: MAX_SESSIONS }) })
		)
	})
	.superRefine((v, ctx) => {
		checkCommon(v, ctx);
		for (const [path, message] of Object.entries(kindIssues(v.kind, v))) {
			ctx.addIssue({ code: 'custom', path: [path], message });
		}
		if (v.kind === 'erhvervspraktik' && v.weeks.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['weeks'], message: m.offer_val_weeks() });
		}
		if (v.kind !== 'erhvervspraktik') checkSkipped(v, v.dates, ctx);
		if (v.kind !== 'erhvervspraktik' && v.dates.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['dates'], message: m.offer_val_dates() });
		}
		const outside = v.weeks.map(schoolWeekOf).some((w) => w && !isWithinActivityRange(w.startDate));
		if (outside) {
			const message = m.offer_err_dates_range({ first: FIRST_SCHOOL_YEAR, last: LAST_SCHOOL_YEAR });
			ctx.addIssue({ code: 'custom', path: ['weeks'], message });
		}
	})
	.transform(({ weeks, dates, ...rest }) => {
		// One offer per week (capacity is places per week) or per session date.
		const spans =
			rest.kind === 'erhvervspraktik'
				? weeks.map((w) => schoolWeekOf(w)!)
				: dates.map((d) => ({ startDate: d, endDate: d }));
		const unique = [...new Map(spans.map((s) => [s.startDate, s])).values()];
		return {
			...rest,
			tradeCode: rest.kind === 'forloeb' && !rest.tradeCode ? null : rest.tradeCode,
			sessions: unique.sort((a, b) => a.startDate.localeCompare(b.startDate))
		};
	});
export type OfferInput = z.output<typeof offerSchema>;
export const OFFER_ARRAY_FIELDS = ['gradeLevels', 'weeks', 'dates'] as const;

/** Editing one offer (one week or session): its own dates; the kind and owner stay. */
export const offerUpdateSchema = z
	.object({ ...common, startDate: inRange(), endDate: inRange() })
	.superRefine((v, ctx) => {
		checkCommon(v, ctx);
		checkSkipped({ ...v, endTime: null }, [v.startDate], ctx);
		checkSkipped({ ...v, startTime: null }, [v.endDate], ctx);
		if (v.endDate < v.startDate) {
			ctx.addIssue({
				code: 'custom',
				path: ['endDate'],
				message: m.activity_val_end_before_start()
			});
		}
	});
export type OfferUpdateInput = z.output<typeof offerUpdateSchema>;
export const OFFER_UPDATE_ARRAY_FIELDS = ['gradeLevels'] as const;

export const offerCancelSchema = z.object({ reason: requiredText(2000) });

/** Search on the offers page (GET parameters). */
export const offerFiltersSchema = z.object({
	kind: z.enum(OFFER_KINDS).optional().catch(undefined),
	trade: z.string().max(60).optional().catch(undefined),
	week: z.preprocess(normaliseWeek, z.string().regex(WEEK).optional()).catch(undefined),
	municipalityId: z.uuid().optional().catch(undefined),
	grade: z.coerce.number().int().min(0).max(10).optional().catch(undefined),
	onlyFree: z
		.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean())
		.optional(),
	q: z.string().max(200).optional().catch(undefined)
});
export type OfferFilters = z.output<typeof offerFiltersSchema>;
