// The door of platform's server side for routes: form handling, mail and its outbox, health.
// Domains may import the pieces directly; routes come through here.
export {
	formValues,
	invalid,
	parseForm,
	readForm,
	type FieldErrors,
	type FormFailure,
	type FormValues,
	type ParseResult
} from './http/forms';
export { type ActionEvent, refused, requireForm, requireTarget, requireUser } from './http/guards';
export { bodyTooLarge, discardBody, MULTIPART_SLACK } from './http/body-size';
export type { Refusal, Result } from './http/result';
export { listOutbox, mailOrigin, type MailMessage } from './mail';
export { MAX_ATTEMPTS } from './mail-backoff';
export { listFailedMail, type FailedMail } from './mail-failed';
export { canReadOutbox, isOutboxPageEnabled, type OutboxSettings } from './outbox-access';
export { checkDatabase } from './health';
