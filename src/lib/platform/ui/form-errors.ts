import type { SubmitFunction } from '@sveltejs/kit';

// After a failed submit the keyboard and the screen reader start at the first field in error:
// its message is tied to it (aria-describedby), so it is read out with the field.

/** Focuses the first field marked invalid in the form (or a form-level alert); true if found. */
export function focusFirstError(form: HTMLFormElement): boolean {
	// A group of checkboxes or week fields marks its fieldset: its first control takes the focus.
	const first = form.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid]');
	const target =
		(first?.matches('fieldset')
			? first.querySelector<HTMLElement>('input, select, textarea')
			: first) ?? form.querySelector<HTMLElement>('[role="alert"]');
	if (!target) return false;
	if (target.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex')) {
		target.tabIndex = -1;
	}
	target.focus();
	return true;
}

/**
 * For `use:enhance`: updates the page as SvelteKit would, then focuses the first error when the
 * server refused the form. `reset` decides whether a successful submit empties the form.
 */
export function focusErrorsAfterSubmit(
	options: { reset?: (action: URL) => boolean } = {}
): SubmitFunction {
	return ({ formElement }) =>
		async ({ update, result, action }) => {
			await update({ reset: options.reset ? options.reset(action) : true });
			if (result.type === 'failure') focusFirstError(formElement);
		};
}

/** The ids a field's aria-describedby names: its error, its hint and any shared hints. */
export function describedBy(
	id: string,
	parts: { error?: string; hint?: string; describes?: string }
): string | undefined {
	const ids = [parts.error ? `${id}-error` : '', parts.hint ? `${id}-hint` : '', parts.describes];
	return ids.filter(Boolean).join(' ') || undefined;
}

/** A form's echoed value as one string (the first of several). */
export function fieldText(values: Record<string, unknown> | undefined, name: string): string {
	const v = values?.[name];
	const first = Array.isArray(v) ? v[0] : v;
	return typeof first === 'string' ? first : first == null ? '' : String(first);
}
