import { dev } from '$app/environment';

/** What decides whether the outbox page exists: the process's settings. */
export interface OutboxSettings {
	SMTP_URL?: string;
	OUTBOX_PAGE?: string;
}

/**
 * Whether /dev/outbox exists at all. It lists reset and invitation links, so reading it is
 * reading everyone's mail: never with real SMTP (the mails are then private to their inboxes),
 * on in `vite dev` (npm run demo), and in a built app only when OUTBOX_PAGE=true says so.
 */
export function isOutboxPageEnabled(settings: OutboxSettings = process.env, isDev = dev): boolean {
	if (settings.SMTP_URL) return false;
	if (settings.OUTBOX_PAGE === 'true') return true;
	if (settings.OUTBOX_PAGE === 'false') return false;
	return isDev;
}

/** Only the secretariat reads the outbox: a reset link there is the key to any account. */
export function canReadOutbox(
	user: { isSecretariat: boolean } | null,
	settings: OutboxSettings = process.env,
	isDev = dev
): boolean {
	return !!user?.isSecretariat && isOutboxPageEnabled(settings, isDev);
}
