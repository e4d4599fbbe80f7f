import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';

// The praktikfordeling forms; rules that need the database live in the server half.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.allocation_err_date() });
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: () => m.allocation_err_not_found() });

export const openRoundSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, { error: () => m.allocation_err_title() })
		.max(120, { error: () => m.allocation_err_title() }),
	/** '' for the secretariat's own round. */
	municipalityId: z.union([z.literal(''), uuid]).transform((v) => (v === '' ? null : v)),
	startDate: date,
	endDate: date,
	wishDeadline: date,
	publishDate: date
});

export const adjustSchema = z.object({
	pupilId: uuid,
	offerId: z.union([z.literal(''), uuid]).transform((v) => (v === '' ? null : v)),
	locked: z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
});

export const joinSchema = z.object({
	offerIds: z.array(uuid).min(1, { error: () => m.allocation_err_place() })
});

export const pupilSchema = z.object({
	schoolId: uuid,
	classLabel: z.string().max(40),
	pseudonym: z.string().max(40),
	firstName: z.string().max(60),
	grade: z.string().max(3),
	ageGroup: z.string().max(20),
	ownPlace: z.preprocess((v) => (v === 'on' ? 'ja' : ''), z.string()),
	wishes: z.array(z.string().max(80)).max(5)
});

export const deletePupilSchema = z.object({ schoolId: uuid, pseudonym: z.string().max(40) });

const pupilCount = z
	.string()
	.trim()
	.regex(/^\d{1,4}$/, { error: () => m.duty_err_pupils() })
	.transform(Number)
	.refine((n) => n <= 2000, { error: () => m.duty_err_pupils() });

/** A school's number of pupils in grades 7, 8 and 9 of a school year. */
export const pupilCountSchema = z.object({
	schoolId: uuid,
	schoolYear: z.string().regex(/^\d{4}\/\d{2}$/, { error: () => m.duty_err_year() }),
	grade7: pupilCount,
	grade8: pupilCount,
	grade9: pupilCount
});
