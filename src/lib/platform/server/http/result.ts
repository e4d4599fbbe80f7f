// Results shared by the offer and booking modules: expected refusals are values, not exceptions,
// and carry the HTTP status the route answers with and a message in the user's language.
export type RefusalStatus = 400 | 403 | 404 | 409;
export type FieldErrors = Record<string, string>;

export interface Refusal {
	ok: false;
	status: RefusalStatus;
	message: string;
	errors?: FieldErrors;
}
export type Result<T> = { ok: true; value: T } | Refusal;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function refuse(status: RefusalStatus, message: string, errors?: FieldErrors): Refusal {
	return errors ? { ok: false, status, message, errors } : { ok: false, status, message };
}

export function success<T>(value: T): { ok: true; value: T } {
	return { ok: true, value };
}
