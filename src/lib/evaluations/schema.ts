import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { optionalText } from '$lib/platform/schema';
import { formatNumber } from '$lib/platform/numbers';

/** The database allows 0..100000 (checked in SQL too); a fair for a whole municipality is ~5,000. */
export const MAX_PARTICIPANTS = 100_000;
export const RATINGS = [1, 2, 3, 4, 5] as const;

const participantsMessage = () =>
	m.evaluation_val_participants({
		max: formatNumber(MAX_PARTICIPANTS, getLocale() === 'en' ? 'en' : 'da')
	});

/** Digits only: '1e3', '0x10', '12.5' and '-1' are typos here, not numbers to interpret. */
const participants = () =>
	z
		.string({ error: participantsMessage })
		.trim()
		.regex(/^\d{1,6}$/, { error: participantsMessage })
		.transform(Number)
		.refine((n) => n <= MAX_PARTICIPANTS, { error: participantsMessage });

const rating = () =>
	z
		.string({ error: () => m.evaluation_val_rating() })
		.regex(/^[1-5]$/, { error: () => m.evaluation_val_rating() })
		.transform(Number);

export const evaluationSchema = z.object({
	organisationId: z.uuid({ error: () => m.evaluation_val_organisation() }),
	participants: participants(),
	rating: rating(),
	comment: optionalText(2000)
});

export type EvaluationInput = z.output<typeof evaluationSchema>;
