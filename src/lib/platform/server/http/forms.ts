import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { hasForbiddenCharacters } from '$lib/platform/input-text';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

/** What a failed action returns, so the page can refill the form and show each reason. */
export interface FormFailure {
	errors: FieldErrors;
	values: FormValues;
	message?: string;
}

/** Fields never echoed back into the page. */
const SECRET_FIELDS = /password|token|secret/i;
/** No single field may be larger than this (a 10 kB name is refused, not stored). */
const MAX_FIELD_LENGTH = 5000;

export function formValues(form: FormData): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		if (SECRET_FIELDS.test(key)) continue;
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		// Refill at most what we would accept, so an oversize post is not reflected whole.
		const clipped = all.map((v) => v.slice(0, MAX_FIELD_LENGTH));
		values[key] = clipped.length > 1 ? clipped : (clipped[0] ?? '');
	}
	return values;
}

function formObject(form: FormData, arrayFields: readonly string[]): Record<string, unknown> {
	const object: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		object[key] = arrayFields.includes(key) ? all : all[0];
	}
	for (const key of arrayFields) object[key] ??= [];
	return object;
}

export type ParseResult<T> =
	{ ok: true; data: T } | { ok: false; failure: ActionFailure<FormFailure> };

/**
 * Validates a form with one schema. On failure: HTTP 400 with a Danish (or English) message per
 * field and the typed values, so nothing the user wrote is lost.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	options: { arrayFields?: readonly string[] } = {}
): ParseResult<z.output<S>> {
	const garbled = fieldsWithControlCharacters(form);
	if (garbled.length > 0) {
		const errors = Object.fromEntries(garbled.map((key) => [key, m.val_control_chars()]));
		return { ok: false, failure: invalid(form, errors) };
	}
	const result = schema.safeParse(formObject(form, options.arrayFields ?? []));
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : '_form';
		errors[key] ??= issue.message;
	}
	return { ok: false, failure: invalid(form, errors) };
}

function fieldsWithControlCharacters(form: FormData): string[] {
	const keys = new Set<string>();
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string' && hasForbiddenCharacters(value)) keys.add(key);
	}
	return [...keys];
}

export function invalid(form: FormData, errors: FieldErrors, status = 400) {
	return fail(status, { errors, values: formValues(form), message: m.form_fix_errors() });
}

/** Reads the request as a form, answering 415/400 instead of throwing on a wrong body. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}
