import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isIsoDate } from '$lib/platform/dates/iso';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, isWithinActivityRange } from '$lib/activities';
import { optionalText, requiredText, uuid } from '$lib/platform/schema';

/** Long enough for a full set of minutes; longer text is refused, not cut. */
export const MEETING_TEXT_MAX = 20_000;
const MAX_INVITED = 100;
const MEETING_VISIBILITIES = ['alliance', 'private'] as const;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_SHAPE = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

const date = () =>
	z
		.string({ error: () => m.val_required() })
		.trim()
		.min(1, { error: () => m.val_required() })
		.regex(DATE_SHAPE, { error: () => m.activity_val_date_format() })
		.refine((v) => isIsoDate(v), { error: () => m.activity_val_date_missing() })
		.refine((v) => !isIsoDate(v) || isWithinActivityRange(v), {
			error: () => m.activity_val_date_range({ first: FIRST_SCHOOL_YEAR, last: LAST_SCHOOL_YEAR })
		});

/** A meeting has a time: the partners leave their work for it. */
const time = () =>
	z
		.string({ error: () => m.val_required() })
		.trim()
		.min(1, { error: () => m.val_required() })
		.regex(TIME_SHAPE, { error: () => m.activity_val_time_format() })
		.transform((v) => v.slice(0, 5));

const markdown = () => optionalText(MEETING_TEXT_MAX);

const invited = () =>
	z
		.array(uuid(), { error: () => m.val_invalid_choice() })
		.min(1, { error: () => m.meeting_val_invited_required() })
		.max(MAX_INVITED, { error: () => m.activity_val_too_many_participants({ max: MAX_INVITED }) })
		.transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const meetingSchema = z
	.object({
		title: requiredText(200),
		place: optionalText(300),
		ownerId: uuid(),
		date: date(),
		startTime: time(),
		endTime: time(),
		visibility: z.enum(MEETING_VISIBILITIES, { error: () => m.val_invalid_choice() }),
		invited: invited(),
		agenda: markdown(),
		previousActivityId: z.preprocess(emptyAsUndefined, uuid().optional())
	})
	.refine((v) => v.endTime > v.startTime, {
		path: ['endTime'],
		error: () => m.activity_val_time_order()
	});

export type MeetingInput = z.output<typeof meetingSchema>;

export const agendaSchema = z.object({ agenda: markdown(), invited: invited() });
export type AgendaInput = z.output<typeof agendaSchema>;

export const attendanceSchema = z.object({
	present: z
		.array(uuid(), { error: () => m.val_invalid_choice() })
		.max(MAX_INVITED, { error: () => m.val_invalid_choice() })
		.transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
});

export const minutesSchema = z.object({ minutes: markdown() });

/** Form fields that may repeat (for parseForm's arrayFields). */
export const MEETING_ARRAY_FIELDS = ['invited', 'present'] as const;
