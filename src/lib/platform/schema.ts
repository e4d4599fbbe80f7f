import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';

// Field builders with messages that follow the request's language (evaluated lazily).
export const requiredText = (max = 200) =>
	z
		.string({ error: () => m.val_required() })
		.trim()
		.min(1, { error: () => m.val_required() })
		.max(max, { error: () => m.val_too_long({ max }) });

export const optionalText = (max = 2000) =>
	z
		.string({ error: () => m.val_text() })
		.trim()
		.max(max, { error: () => m.val_too_long({ max }) })
		.optional()
		.default('');

export const email = () =>
	z
		.string({ error: () => m.val_required() })
		.trim()
		.min(1, { error: () => m.val_required() })
		.max(254, { error: () => m.val_too_long({ max: 254 }) })
		.pipe(z.email({ error: () => m.val_email() }))
		.transform((v) => v.toLowerCase());

export const newPassword = () =>
	z
		.string({ error: () => m.val_required() })
		.min(10, { error: () => m.val_password_short({ min: 10 }) })
		.max(200, { error: () => m.val_too_long({ max: 200 }) });

export const uuid = () => z.uuid({ error: () => m.val_invalid_choice() });
