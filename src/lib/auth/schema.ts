import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { email, newPassword, requiredText, uuid } from '$lib/platform/schema';

// At login any stored password may be typed, so only presence and a sane upper bound are checked.
const anyPassword = () =>
	z
		.string({ error: () => m.val_required() })
		.min(1, { error: () => m.val_required() })
		.max(200, { error: () => m.val_too_long({ max: 200 }) });

const confirmation = () => z.string({ error: () => m.val_required() });

const name = () => requiredText(200);

/** The confirmation must equal the new password; checked as soon as both are strings. */
function withMatchingConfirmation<
	T extends z.ZodObject<{ password: z.ZodString; passwordConfirm: z.ZodString }>
>(schema: T) {
	return schema.refine((v) => v.password === v.passwordConfirm, {
		path: ['passwordConfirm'],
		error: () => m.val_passwords_differ(),
		when: (payload) => {
			const v = payload.value as { password?: unknown; passwordConfirm?: unknown } | undefined;
			return typeof v?.password === 'string' && typeof v?.passwordConfirm === 'string';
		}
	});
}

export const loginSchema = z.object({
	email: email(),
	password: anyPassword()
});

export const acceptInvitationSchema = withMatchingConfirmation(
	z.object({ name: name(), password: newPassword(), passwordConfirm: confirmation() })
);

export const forgotPasswordSchema = z.object({ email: email() });

export const resetPasswordSchema = withMatchingConfirmation(
	z.object({ password: newPassword(), passwordConfirm: confirmation() })
);

export const changePasswordSchema = withMatchingConfirmation(
	z.object({
		currentPassword: anyPassword(),
		password: newPassword(),
		passwordConfirm: confirmation()
	})
);

export const profileNameSchema = z.object({ name: name() });

export type LoginInput = z.output<typeof loginSchema>;
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

/** Removing a linked login on the profile page: which one. */
export const unlinkLoginSchema = z.object({ id: uuid() });
