import { render } from 'svelte/server';
import { beforeEach, describe, expect, it } from 'vitest';
import LogPage from '../../src/routes/log/+page.svelte';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { load } from '../../src/routes/log/+page.server';
import { type Person, useBookingWorld } from './booking-fixtures';
import { fakeEvent } from './organisation.fixtures';

// Issue 12, point 5: mail given up after its last try is shown to the secretariat on /log.

type FailedMailData = {
	total: number;
	attempts: number;
	mails: { to: string; subject: string; written: string; error: string }[];
} | null;

describe('/log route', () => {
	const world = useBookingWorld({ routes: true });

	beforeEach(async () => {
		const mail = (to: string, extra: object) => ({
			toAddress: to,
			subject: `Ny booking til ${to}`,
			bodyText: 'Tekst',
			createdAt: new Date('2026-11-02T08:30:00Z'),
			...extra
		});
		await world.db
			.insertInto('outbox')
			.values([
				mail('lars@smedjen.dk', {
					attempts: 6,
					error: 'Error: 451 Mailbox busy',
					failedAt: new Date('2026-11-02T23:06:00Z')
				}),
				mail('venter@smedjen.dk', { attempts: 2, nextAttemptAt: new Date() }),
				mail('sendt@smedjen.dk', { attempts: 1, sentAt: new Date() })
			])
			.execute();
	});

	const open = (person: Person) =>
		load(fakeEvent('/log', world.users[person] as SessionUser | null)) as Promise<{
			failedMail: FailedMailData;
		}>;

	describe('load', () => {
		it('lists the mails given up for the secretariat, not those still being tried or sent', async () => {
			const { failedMail } = await open('secretariat');
			expect(failedMail).toMatchObject({ total: 1, attempts: 6 });
			expect(failedMail!.mails).toEqual([
				expect.objectContaining({
					to: 'lars@smedjen.dk',
					subject: 'Ny booking til lars@smedjen.dk',
					written: '02.11.2026 09:30',
					error: 'Error: 451 Mailbox busy'
				})
			]);
		});

		it('shows no outbox addresses to an organisation admin', async () => {
			const { failedMail } = await open('providerAdmin');
			expect(failedMail).toBeNull();
		});

		it('renders the failed mails in Danish above the log', async () => {
			const data = await open('secretariat');
			const { body } = render(LogPage, { props: { data: data as never } });
			expect(body).toContain('Mails der ikke kunne sendes');
			expect(body).toContain(
				'Antal: 1. Mailserveren tog ikke imod dem, heller ikke efter 6 forsøg'
			);
			expect(body).toContain('lars@smedjen.dk');
			expect(body).not.toContain('venter@smedjen.dk');
		});
	});
});
