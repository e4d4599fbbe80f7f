import { describe, expect, it } from 'vitest';
import { canReadOutbox, isOutboxPageEnabled } from './outbox-access';

const SECRETARIAT = { isSecretariat: true };
const MEMBER = { isSecretariat: false };

describe('outbox-access', () => {
	describe('isOutboxPageEnabled', () => {
		it('is off in a built app unless OUTBOX_PAGE=true switches it on', () => {
			expect(isOutboxPageEnabled({}, false)).toBe(false);
			expect(isOutboxPageEnabled({ OUTBOX_PAGE: '1' }, false)).toBe(false);
			expect(isOutboxPageEnabled({ OUTBOX_PAGE: 'true' }, false)).toBe(true);
		});

		it('is on in development unless OUTBOX_PAGE=false', () => {
			expect(isOutboxPageEnabled({}, true)).toBe(true);
			expect(isOutboxPageEnabled({ OUTBOX_PAGE: 'false' }, true)).toBe(false);
		});

		it('is never on when real mail is sent (SMTP_URL)', () => {
			const smtp = { SMTP_URL: 'smtp://mail.example.dk:587', OUTBOX_PAGE: 'true' };
			expect(isOutboxPageEnabled(smtp, true)).toBe(false);
		});
	});

	describe('canReadOutbox', () => {
		it('lets only the secretariat read an enabled outbox', () => {
			const on = { OUTBOX_PAGE: 'true' };
			expect(canReadOutbox(SECRETARIAT, on, false)).toBe(true);
			expect(canReadOutbox(MEMBER, on, false)).toBe(false);
			expect(canReadOutbox(null, on, true)).toBe(false);
			expect(canReadOutbox(SECRETARIAT, {}, false)).toBe(false);
		});
	});
});
