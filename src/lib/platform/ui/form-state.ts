import { getContext, setContext } from 'svelte';
import { fieldText } from './form-errors';

// A form's fields take what they show from the form, by their name: the value echoed by the
// server after a failed submit (or the stored one when editing) and the server's error for it.
// A field given its own value or error shows that instead.

export interface FormState {
	values?: Record<string, unknown>;
	errors?: Record<string, string | undefined>;
	/** A field's id is `<idPrefix>-<name>` unless it is given one; `field-<name>` without. */
	idPrefix?: string;
}

/** What a page hands a form component: the values to show and the server's errors and message. */
export interface FormEcho {
	values: Record<string, string | string[]>;
	errors: Record<string, string>;
	message?: string;
}

const KEY = Symbol('form-state');

/** For the fields rendered below this component; call in its script with a getter of its props. */
export function provideFormState(state: () => FormState): void {
	setContext(KEY, state);
}

export interface FieldState {
	/** The value as one string (the first of several). */
	text: string;
	/** Every value given under the name (checkboxes). */
	list: string[];
	error?: string;
	/** The field's id when it is given none. */
	id: string;
}

/**
 * Call in a field's script: what the surrounding form holds for a field, by its name (empty
 * without a form state).
 */
export function formFields(): (name: string) => FieldState {
	const state = getContext<(() => FormState) | undefined>(KEY);
	return (name) => {
		const form = state?.();
		const raw = form?.values?.[name];
		return {
			text: fieldText(form?.values, name),
			list: raw == null ? [] : [raw].flat().map(String),
			error: form?.errors?.[name],
			id: `${form?.idPrefix ?? 'field'}-${name}`
		};
	};
}
