import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	COMPANY_USER,
	SCHOOL_USER,
	bookingsOnOfferPage,
	copyBuild,
	login,
	postAction,
	startApp
} from './app';
import { bookingFields, runBurst, type Sent } from './burst';
import type { EngineName, Scratch } from './databases';
import { enginesToTest, scratchFor } from './scratch';
import { CAPACITIES, readBookings, type StoredBooking } from './world';

// Issue 7, durability: SIGKILL the app in the middle of a burst of bookings; after a restart on
// the same data every booking the client saw acknowledged is there with its status, nothing is
// half-written, and the seats of live bookings never exceed the capacity.

const CAPACITY = CAPACITIES.crash;
const BURST = { total: 200, concurrency: 20, killAfter: 90 };
const LIVE = ['requested', 'confirmed'];
const PORTS: Record<EngineName, number> = { pglite: 4350, postgres: 4351 };

const build = copyBuild();
afterAll(() => build.remove());

/** The statuses a stored booking may have, given what the client was told. */
function allowedStatuses(s: Sent): string[] {
	if (s.ack === 'confirmed') return ['confirmed'];
	// A confirmation may have been cut off: its commit may or may not have happened.
	if (s.ack === 'requested') return ['requested', 'confirmed'];
	if (s.ack === 'waitlisted') return ['waitlisted'];
	return ['requested', 'confirmed', 'waitlisted'];
}

describe.each(enginesToTest())('durability on %s', (engine) => {
	const port = PORTS[engine];
	let scratch: Scratch | undefined;
	let sent: Sent[] = [];
	let unexpected: string[] = [];
	let stored: StoredBooking[] = [];
	let afterRestart: {
		shown: Map<string, string>;
		replay: Record<string, unknown>;
		fresh: { type: string; status: number };
	};

	beforeAll(async () => {
		const copy = await scratchFor(engine, 'crash');
		scratch = copy.scratch;
		const world = copy.worlds.crash;
		const app = await startApp(build.dir, port, scratch.target);
		const schoolCookie = await login(app.origin, SCHOOL_USER);
		const companyCookie = await login(app.origin, COMPANY_USER);
		const burst = await runBurst(app, world, { ...BURST, schoolCookie, companyCookie });
		expect(burst.killed).toBe(true);
		({ sent, unexpected } = burst);
		const count = (f: (s: Sent) => unknown) => sent.filter(f).length;
		console.log(
			`${engine}: ${sent.length} sent before SIGKILL, acknowledged ${count((s) => s.ack)} ` +
				`(${count((s) => s.ack === 'confirmed')} confirmed, ${count((s) => s.ack === 'waitlisted')} ` +
				`waitlisted), ${count((s) => s.refused)} refused as full, ${count((s) => s.lost)} cut off`
		);

		const restarted = await startApp(build.dir, port, scratch.target);
		try {
			const cookie = await login(restarted.origin, SCHOOL_USER);
			const shown = await bookingsOnOfferPage(restarted.origin, cookie, world.offerId);
			const post = (action: string, s: Pick<Sent, 'key' | 'classLabel' | 'teacherName'>) =>
				postAction(
					restarted.origin,
					cookie,
					`/tilbud/${world.offerId}?/${action}`,
					bookingFields(world, s)
				);
			// A retry (same key) of an acknowledged booking finds it instead of booking again.
			const first = sent.find((s) => s.ack)!;
			const replay = (await post('waitlist', first)).data;
			const fresh = await post('book', {
				key: randomUUID(),
				classLabel: 'D-ny',
				teacherName: 'Ny'
			});
			afterRestart = { shown, replay: { ...replay, expectedId: first.bookingId }, fresh };
		} finally {
			await restarted.stop();
		}
		stored = await readBookings(scratch.target, world);
	}, 120_000);

	afterAll(async () => {
		await scratch?.remove();
	});

	it('kills the server in the middle of the burst', () => {
		expect(unexpected).toEqual([]);
		const lost = sent.filter((s) => s.lost);
		expect(lost.length).toBeGreaterThan(0);
		expect(sent.filter((s) => s.ack).length).toBeGreaterThan(CAPACITY);
		// The burst went past the capacity: some answers said the offer was full.
		expect(sent.some((s) => s.refused || s.ack === 'waitlisted')).toBe(true);
	});

	it('keeps every acknowledged booking with its status after the restart', () => {
		const byKey = new Map(stored.map((b) => [b.idempotencyKey, b]));
		const missing = sent.filter((s) => s.ack && !byKey.has(s.key)).map((s) => s.index);
		expect(missing).toEqual([]);
		for (const s of sent.filter((s) => s.ack)) {
			const booking = byKey.get(s.key)!;
			expect(booking.id).toBe(s.bookingId);
			expect(allowedStatuses(s)).toContain(booking.status);
		}
	});

	it("shows every acknowledged booking on the restarted app's offer page", () => {
		const missing = sent.filter((s) => s.ack && !afterRestart.shown.has(s.bookingId!));
		expect(missing.map((s) => s.index)).toEqual([]);
		for (const s of sent.filter((s) => s.ack)) {
			expect(allowedStatuses(s)).toContain(afterRestart.shown.get(s.bookingId!));
		}
		expect(afterRestart.shown.size).toBe(stored.length);
		const { done, bookingId, expectedId } = afterRestart.replay;
		expect({ done, bookingId }).toEqual({ done: 'replayed', bookingId: expectedId });
	});

	it('writes nothing for a refused request', () => {
		const keys = new Set(stored.map((b) => b.idempotencyKey));
		expect(sent.filter((s) => s.refused && keys.has(s.key))).toEqual([]);
	});

	it('leaves no half-written booking', () => {
		const byKey = new Map(sent.map((s) => [s.key, s]));
		for (const booking of stored) {
			const s = byKey.get(booking.idempotencyKey);
			expect(s, `booking ${booking.id} was never sent`).toBeDefined();
			expect(booking).toMatchObject({
				seats: 1,
				classLabel: s!.classLabel,
				teacherName: s!.teacherName
			});
			expect(allowedStatuses(s!)).toContain(booking.status);
			// The school takes part in the activity: written in one statement with a live booking.
			expect(booking.participant).toBe(true);
		}
	});

	it('never exceeds the capacity, and still refuses once it is full', () => {
		const live = stored.filter((b) => LIVE.includes(b.status));
		const seats = live.reduce((sum, b) => sum + b.seats, 0);
		// Full before the kill (a 'full' answer was seen), so full after it.
		expect(seats).toBe(CAPACITY);
		expect(afterRestart.fresh).toMatchObject({ type: 'failure', status: 409 });
	});
});
