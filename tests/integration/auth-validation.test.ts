import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	acceptInvitationSchema,
	changePasswordSchema,
	forgotPasswordSchema,
	loginSchema,
	profileNameSchema,
	resetPasswordSchema
} from '../../src/lib/auth/schema';

const GOOD = 'korrekt hest batteri';
const HUGE = 'x'.repeat(10_000);

/** The first message for a field, as the form would show it next to that field. */
function messageFor(schema: z.ZodType, input: unknown, field: string): string | undefined {
	const result = schema.safeParse(input);
	if (result.success) return undefined;
	return result.error.issues.find((i) => String(i.path[0]) === field)?.message;
}

type Case = [string, z.ZodType, unknown, string, RegExp];

const cases: Case[] = [
	['login: empty e-mail', loginSchema, { email: '', password: GOOD }, 'email', /Skal udfyldes/],
	[
		'login: malformed e-mail',
		loginSchema,
		{ email: 'ida@', password: GOOD },
		'email',
		/gyldig e-mailadresse/
	],
	[
		'login: 10 kB e-mail',
		loginSchema,
		{ email: HUGE, password: GOOD },
		'email',
		/Må højst være 254 tegn/
	],
	[
		'login: missing password',
		loginSchema,
		{ email: 'ida@example.dk' },
		'password',
		/Skal udfyldes/
	],
	[
		'login: password a number',
		loginSchema,
		{ email: 'ida@example.dk', password: 42 },
		'password',
		/Skal udfyldes/
	],
	[
		'login: 10 kB password',
		loginSchema,
		{ email: 'ida@example.dk', password: HUGE },
		'password',
		/Må højst være 200 tegn/
	],
	[
		'accept: empty name',
		acceptInvitationSchema,
		{ name: ' ', password: GOOD, passwordConfirm: GOOD },
		'name',
		/Skal udfyldes/
	],
	[
		'accept: 10 kB name',
		acceptInvitationSchema,
		{ name: HUGE, password: GOOD, passwordConfirm: GOOD },
		'name',
		/Må højst være 200 tegn/
	],
	[
		'accept: missing name',
		acceptInvitationSchema,
		{ password: GOOD, passwordConfirm: GOOD },
		'name',
		/Skal udfyldes/
	],
	[
		'accept: short password',
		acceptInvitationSchema,
		{ name: 'Ida', password: 'kort', passwordConfirm: 'kort' },
		'password',
		/mindst 10 tegn/
	],
	[
		'accept: mismatched passwords',
		acceptInvitationSchema,
		{ name: 'Ida', password: GOOD, passwordConfirm: `${GOOD}!` },
		'passwordConfirm',
		/ikke ens/
	],
	[
		'accept: mismatch next to a bad name',
		acceptInvitationSchema,
		{ name: '', password: GOOD, passwordConfirm: 'x' },
		'passwordConfirm',
		/ikke ens/
	],
	[
		'accept: missing confirmation',
		acceptInvitationSchema,
		{ name: 'Ida', password: GOOD },
		'passwordConfirm',
		/Skal udfyldes/
	],
	[
		'forgot: malformed e-mail',
		forgotPasswordSchema,
		{ email: 'ikke en mail' },
		'email',
		/gyldig e-mailadresse/
	],
	[
		'forgot: e-mail an array',
		forgotPasswordSchema,
		{ email: ['a@b.dk'] },
		'email',
		/Skal udfyldes/
	],
	[
		'reset: short password',
		resetPasswordSchema,
		{ password: 'kort', passwordConfirm: 'kort' },
		'password',
		/mindst 10 tegn/
	],
	[
		'reset: mismatched passwords',
		resetPasswordSchema,
		{ password: GOOD, passwordConfirm: 'noget andet' },
		'passwordConfirm',
		/ikke ens/
	],
	[
		'reset: missing password',
		resetPasswordSchema,
		{ passwordConfirm: GOOD },
		'password',
		/Skal udfyldes/
	],
	[
		'change: missing current password',
		changePasswordSchema,
		{ password: GOOD, passwordConfirm: GOOD },
		'currentPassword',
		/Skal udfyldes/
	],
	[
		'change: mismatched passwords',
		changePasswordSchema,
		{ currentPassword: 'x', password: GOOD, passwordConfirm: 'y' },
		'passwordConfirm',
		/ikke ens/
	],
	['profile: 10 kB name', profileNameSchema, { name: HUGE }, 'name', /Må højst være 200 tegn/]
];

describe('validation/auth', () => {
	it.each(cases)('rejects %s with a Danish message', (_, schema, input, field, message) => {
		expect(messageFor(schema, input, field)).toMatch(message);
	});

	it('accepts good input and normalises the e-mail', () => {
		expect(loginSchema.parse({ email: ' Ida@Example.DK ', password: 'x' })).toEqual({
			email: 'ida@example.dk',
			password: 'x'
		});
		const accepted = acceptInvitationSchema.parse({
			name: ' Ida ',
			password: GOOD,
			passwordConfirm: GOOD
		});
		expect(accepted).toEqual({ name: 'Ida', password: GOOD, passwordConfirm: GOOD });
		expect(resetPasswordSchema.safeParse({ password: GOOD, passwordConfirm: GOOD }).success).toBe(
			true
		);
	});

	it('never trims a password (spaces may be part of it)', () => {
		const parsed = loginSchema.parse({ email: 'ida@example.dk', password: '  mellemrum  ' });
		expect(parsed.password).toBe('  mellemrum  ');
	});
});
