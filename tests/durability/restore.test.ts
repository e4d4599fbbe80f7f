import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_USER, SCHOOL_USER, copyBuild, login, postAction, startApp, type App } from './app';
import { backUp, type Backup } from './backup';
import { bookingFields } from './burst';
import type { EngineName, Scratch } from './databases';
import { enginesToTest, scratchFor } from './scratch';
import { readBookings, type StoredBooking, type World } from './world';

// Issue 7, durability: the backup and restore of docs/OPERATIONS.md, done for real. Bookings
// made through the app survive a backup, the loss of the original, and a restore.

const PORTS: Record<EngineName, { source: number; restored: number }> = {
	pglite: { source: 4352, restored: 4353 },
	postgres: { source: 4354, restored: 4355 }
};

const build = copyBuild();
afterAll(() => build.remove());

interface Made {
	key: string;
	id: string;
	classLabel: string;
	status: string;
}

/** Five bookings on a four-seat offer (the fifth waits in line); the company confirms two. */
async function makeBookings(app: App, world: World): Promise<Made[]> {
	const school = await login(app.origin, SCHOOL_USER);
	const company = await login(app.origin, COMPANY_USER);
	const made: Made[] = [];
	for (let i = 0; i < 5; i++) {
		const s = { key: randomUUID(), classLabel: `R-${i}`, teacherName: `Lærer ${i}` };
		const path = `/tilbud/${world.offerId}?/waitlist`;
		const answer = await postAction(app.origin, school, path, bookingFields(world, s));
		expect(answer.type).toBe('redirect');
		made.push({ ...s, id: String(answer.data.bookingId), status: String(answer.data.done) });
	}
	for (const booking of made.slice(0, 2)) {
		const answer = await postAction(app.origin, company, `/bookinger/${booking.id}?/confirm`, {
			message: ''
		});
		expect(answer.data.done).toBe(true);
		booking.status = 'confirmed';
	}
	return made;
}

const summary = (rows: StoredBooking[] | Made[]) =>
	rows
		.map((b) => ({
			id: b.id,
			key: 'idempotencyKey' in b ? b.idempotencyKey : b.key,
			classLabel: b.classLabel,
			status: b.status
		}))
		.sort((a, b) => a.classLabel.localeCompare(b.classLabel));

describe.each(enginesToTest())('backup and restore on %s', (engine) => {
	let source: Scratch | undefined;
	let restored: Scratch | undefined;
	let backup: Backup | undefined;
	let world: World;
	let made: Made[] = [];
	const pages: { status: number; showsClass: boolean }[] = [];
	let fresh: { type: string; status: number };
	let stored: StoredBooking[] = [];

	beforeAll(async () => {
		const prepared = await scratchFor(engine, 'source');
		source = prepared.scratch;
		world = prepared.worlds.restore;
		const app = await startApp(build.dir, PORTS[engine].source, source.target);
		try {
			made = await makeBookings(app, world);
			// PostgreSQL is dumped while the app runs; the embedded folder only once it is stopped.
			if (engine === 'postgres') backup = await backUp(engine, source);
		} finally {
			await app.stop();
		}
		backup ??= await backUp(engine, source);
		// The original is gone: whatever the restored app finds came from the backup.
		await source.remove();
		source = undefined;

		restored = await backup.restore();
		const copy = await startApp(build.dir, PORTS[engine].restored, restored.target);
		try {
			const cookie = await login(copy.origin, SCHOOL_USER);
			for (const booking of made) {
				const response = await fetch(`${copy.origin}/bookinger/${booking.id}`, {
					headers: { cookie }
				});
				const html = await response.text();
				pages.push({ status: response.status, showsClass: html.includes(booking.classLabel) });
			}
			const s = { key: randomUUID(), classLabel: 'R-ny', teacherName: 'Ny' };
			fresh = await postAction(
				copy.origin,
				cookie,
				`/tilbud/${world.offerId}?/book`,
				bookingFields(world, s)
			);
		} finally {
			await copy.stop();
		}
		stored = await readBookings(restored.target, world);
	}, 120_000);

	afterAll(async () => {
		await source?.remove();
		await restored?.remove();
		backup?.remove();
	});

	it('brings back every booking with its status', () => {
		expect(made.map((b) => b.status)).toEqual([
			'confirmed',
			'confirmed',
			'requested',
			'requested',
			'waitlisted'
		]);
		expect(summary(stored)).toEqual(summary(made));
	});

	it('shows each restored booking to the school that made it', () => {
		expect(pages).toEqual(made.map(() => ({ status: 200, showsClass: true })));
	});

	it('keeps the capacity: the restored offer is still full', () => {
		expect(fresh).toMatchObject({ type: 'failure', status: 409 });
	});
});
