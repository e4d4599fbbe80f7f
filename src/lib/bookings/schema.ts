import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { email, optionalText, requiredText, uuid } from '$lib/platform/schema';

const MAX_SEATS = 500;
const FIRST_NAME = /^\p{L}[\p{L}' -]{0,39}$/u;
/** A random string the form carries (e.g. a UUID made when the page was rendered). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

const checkbox = () =>
	z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false);

const seats = () =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
		z
			.number({ error: () => m.booking_val_seats() })
			.int({ error: () => m.booking_val_seats() })
			.min(1, { error: () => m.booking_val_seats() })
			.max(MAX_SEATS, { error: () => m.booking_val_seats_max({ max: MAX_SEATS }) })
	);

/** A textarea ('Anna, Bo' or one per line) or repeated fields; first names only, the least personal data that lets a host greet the class. */
const firstNames = () =>
	z.preprocess(
		(v) => {
			const list = typeof v === 'string' ? v.split(/[,;\n]/) : Array.isArray(v) ? v : [];
			return list
				.map((name) => (typeof name === 'string' ? name.trim().replace(/\s+/g, ' ') : name))
				.filter((name) => name !== '');
		},
		z
			.array(z.string().regex(FIRST_NAME, { error: () => m.booking_val_first_name() }))
			.max(MAX_SEATS, { error: () => m.booking_val_seats_max({ max: MAX_SEATS }) })
	);

export const bookingSchema = z
	.object({
		offerId: uuid(),
		schoolId: uuid(),
		classLabel: requiredText(20)
			.transform((v) => v.replace(/\s+/g, ' '))
			.pipe(z.string().min(1, { error: () => m.booking_val_class_label() })),
		seats: seats(),
		teacherName: requiredText(200),
		teacherEmail: email(),
		pupilFirstNames: firstNames(),
		idempotencyKey: z
			.string({ error: () => m.booking_val_key() })
			.regex(IDEMPOTENCY_KEY, { error: () => m.booking_val_key() }),
		joinWaitlist: checkbox(),
		splitRest: checkbox()
	})
	.refine((v) => v.pupilFirstNames.length <= v.seats, {
		path: ['pupilFirstNames'],
		error: (issue) => {
			const value = issue.input as { seats?: unknown };
			return m.booking_err_names_too_many({ seats: String(value.seats ?? '') });
		}
	});

export type BookingInput = z.output<typeof bookingSchema>;
/** Form fields that may repeat (for parseForm's arrayFields). */
export const BOOKING_ARRAY_FIELDS = [] as const;

export const bookingAnswerSchema = z.object({ message: optionalText(2000) });
export const bookingCancelSchema = z.object({ reason: requiredText(2000) });

const CHECKLIST_FIELDS = ['agreementSigned', 'parentsConsent', 'uuNotified'] as const;
export const checklistSchema = z.object({
	field: z.enum(CHECKLIST_FIELDS, { error: () => m.booking_val_checklist_field() }),
	done: checkbox()
});
export type ChecklistInput = z.output<typeof checklistSchema>;
