import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_USER, copyBuild, login, startApp, type App } from './app';
import { ADMIN_URL, adminQuery, type Scratch } from './databases';
import { enginesToTest, scratchFor } from './scratch';
import { readBookings, type World } from './world';

// Issue 12, point 4: PostgreSQL ends the app's connections (pg_terminate_backend, as a restart,
// a failover or an operator would), first while the app is idle, then in the middle of a burst of
// bookings and page views. The process must live on, a request in flight answers 503 in Danish
// (never a dropped connection or a 500), /healthz recovers, and the next booking succeeds.
// PostgreSQL only: the embedded engine has no connections to lose.

const PORT = 4130;
const LOAD = { total: 80, concurrency: 20 };
const UNAVAILABLE = 'Databasen svarer ikke lige nu. Prøv igen om lidt.';

/** Ends every connection to the database but the caller's own; returns how many it ended. */
async function terminateBackends(database: string): Promise<number> {
	const client = new pg.Client({ connectionString: ADMIN_URL });
	await client.connect();
	try {
		const { rows } = await client.query<{ ended: boolean }>(
			`select pg_terminate_backend(pid) as ended from pg_stat_activity
			 where datname = $1 and pid <> pg_backend_pid()`,
			[database]
		);
		return rows.filter((r) => r.ended).length;
	} finally {
		await client.end();
	}
}

interface Answer {
	kind: 'booking' | 'page';
	/** HTTP status; 0 when the connection failed (the process died, or dropped the request). */
	status: number;
	message?: string;
	bookingId?: string;
}

async function book(app: App, cookie: string, world: World, label: string): Promise<Answer> {
	try {
		const response = await fetch(`${app.origin}/api/offers/${world.offerId}/bookings`, {
			method: 'POST',
			headers: {
				cookie,
				origin: app.origin,
				accept: 'application/json',
				'content-type': 'application/json',
				'idempotency-key': randomUUID()
			},
			body: JSON.stringify({
				schoolId: world.schoolId,
				classLabel: label,
				seats: 1,
				teacherName: 'Rasmus Lærer',
				teacherEmail: 'rasmus@skolen.dk',
				pupilFirstNames: [],
				joinWaitlist: true
			})
		});
		const body = (await response.json().catch(() => ({}))) as {
			message?: string;
			booking?: { id: string };
		};
		return {
			kind: 'booking',
			status: response.status,
			message: body.message,
			bookingId: body.booking?.id
		};
	} catch {
		return { kind: 'booking', status: 0 };
	}
}

async function page(app: App, cookie: string, world: World): Promise<Answer> {
	try {
		const response = await fetch(`${app.origin}/tilbud/${world.offerId}`, { headers: { cookie } });
		const html = await response.text();
		return {
			kind: 'page',
			status: response.status,
			message: html.includes(UNAVAILABLE) ? UNAVAILABLE : undefined
		};
	} catch {
		return { kind: 'page', status: 0 };
	}
}

const healthz = (app: App) =>
	fetch(`${app.origin}/healthz`).then(
		(r) => r.status,
		() => 0
	);

const postgres = enginesToTest().includes('postgres');
if (!postgres) console.warn('connection-loss: no PostgreSQL reachable, skipped');

describe.runIf(postgres)('lost PostgreSQL connections', () => {
	const build = copyBuild();
	let scratch: Scratch | undefined;
	let app: App | undefined;
	let world: World;
	let database: string;
	let cookie: string;
	let exited = false;
	let output = '';

	beforeAll(async () => {
		const copy = await scratchFor('postgres', 'connloss');
		scratch = copy.scratch;
		world = copy.worlds.crash;
		database = new URL(scratch.url!).pathname.slice(1);
		app = await startApp(build.dir, PORT, scratch.target, {
			output: (text) => (output += text)
		});
		void app.exited.then(() => (exited = true));
		cookie = await login(app.origin, SCHOOL_USER);
	}, 120_000);

	afterAll(async () => {
		await app?.stop();
		await scratch?.remove();
		build.remove();
	});

	describe('while the app is idle', () => {
		it('lives on, reconnects, and books afterwards', async () => {
			// A booking first, so that the pool holds idle connections to end.
			expect((await book(app!, cookie, world, 'F-0')).status).toBe(201);
			expect(await terminateBackends(database)).toBeGreaterThan(0);
			await new Promise((r) => setTimeout(r, 500));
			expect(exited).toBe(false);
			expect(await healthz(app!)).toBe(200);
			const after = await book(app!, cookie, world, 'F-1');
			expect(after.status).toBe(201);
			expect(exited).toBe(false);
		});
	});

	describe('while PostgreSQL refuses connections', () => {
		it('answers 503 on /healthz and to a booking, and 200 and 201 once it accepts them again', async () => {
			await adminQuery(`alter database ${database} with allow_connections false`);
			try {
				await terminateBackends(database);
				expect(await healthz(app!)).toBe(503);
				const refused = await book(app!, cookie, world, 'U-0');
				expect(refused).toMatchObject({ status: 503, message: UNAVAILABLE });
				const shown = await page(app!, cookie, world);
				expect(shown).toMatchObject({ status: 503 });
			} finally {
				await adminQuery(`alter database ${database} with allow_connections true`);
			}
			expect(await healthz(app!)).toBe(200);
			expect((await book(app!, cookie, world, 'U-1')).status).toBe(201);
			expect(exited).toBe(false);
		});
	});

	describe('in the middle of a burst', () => {
		const answers: Answer[] = [];
		let terminations = 0;

		beforeAll(async () => {
			let next = 0;
			let done = false;
			const worker = async () => {
				while (next < LOAD.total) {
					const i = next++;
					answers.push(
						await (i % 3 === 2 ? page(app!, cookie, world) : book(app!, cookie, world, `L-${i}`))
					);
				}
			};
			// End the app's connections again and again while the requests run.
			const terminator = (async () => {
				while (!done) {
					await new Promise((r) => setTimeout(r, 40));
					if (answers.length >= 5) terminations += await terminateBackends(database);
				}
			})();
			await Promise.all(Array.from({ length: LOAD.concurrency }, worker));
			done = true;
			await terminator;
		}, 120_000);

		it('keeps the process alive', () => {
			expect(terminations).toBeGreaterThan(0);
			expect(exited).toBe(false);
		});

		it('answers every request: done, or 503 with a Danish message; never a dropped connection', () => {
			expect(answers).toHaveLength(LOAD.total);
			const unexpected = answers.filter((a) =>
				a.kind === 'booking' ? ![201, 503].includes(a.status) : ![200, 503].includes(a.status)
			);
			expect(unexpected).toEqual([]);
			const unavailable = answers.filter((a) => a.status === 503);
			expect(unavailable.length).toBeGreaterThan(0);
			expect(unavailable.map((a) => a.message)).toEqual(unavailable.map(() => UNAVAILABLE));
		});

		it('keeps every booking it acknowledged', async () => {
			const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.bookingId);
			const stored = new Set((await readBookings(scratch!.target, world)).map((b) => b.id));
			expect(acknowledged.filter((id) => !stored.has(id!))).toEqual([]);
		});

		it('recovers by itself: /healthz is ok and a booking succeeds', async () => {
			expect(await healthz(app!)).toBe(200);
			const after = await book(app!, cookie, world, 'E-1');
			expect(after.status).toBe(201);
			expect(exited).toBe(false);
		});

		it('logs the lost connections as such, not as crashes', () => {
			expect(output).toContain('database unavailable');
			expect(output).not.toMatch(/Uncaught|unhandled/i);
		});
	});
});
