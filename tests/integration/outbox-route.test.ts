import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { sendPasswordResetMail } from '../../src/lib/platform/server/mail';
import { load as layoutLoad } from '../../src/routes/+layout.server';
import { load } from '../../src/routes/dev/outbox/+page.server';
import { createTestDatabase } from '../helpers/db';
import {
	addMember,
	buildWorld,
	sessionUser,
	useForRoutes,
	type World
} from './organisation.fixtures';
import { authEvent, outcome } from './login-route.fixtures';

// Issue 12, point 1: the outbox holds reset links, so it is the secretariat's alone, and it
// exists in a built app only when switched on.
describe('dev/outbox route', () => {
	let database: Database;
	let world: World;
	const saved = process.env.OUTBOX_PAGE;
	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
		world = await buildWorld(database.db);
		await database.db
			.updateTable('appUser')
			.set({ isSecretariat: true })
			.where('id', '=', world.secretariat.id)
			.execute();
		await addMember(database.db, world.secretariat.id, world.horsens.id, 'admin');
		await sendPasswordResetMail(database.db, {
			to: 'sekretariat@example.dk',
			token: 'a'.repeat(32),
			origin: 'http://localhost'
		});
	});
	afterEach(() => {
		if (saved === undefined) delete process.env.OUTBOX_PAGE;
		else process.env.OUTBOX_PAGE = saved;
	});
	afterAll(async () => {
		await database?.close();
	});

	const as = async (who: 'secretariat' | 'adminA' | null) => {
		const user = who ? await sessionUser(database.db, world[who].id) : null;
		return authEvent(database.db, { path: '/dev/outbox', user });
	};

	describe('load', () => {
		it('shows the mails, reset links included, to the secretariat', async () => {
			process.env.OUTBOX_PAGE = 'true';
			const result = await outcome(async () => load(await as('secretariat')));
			expect(result.kind).toBe('data');
			const data = (result as { data: { messages: { bodyText: string }[] } }).data;
			expect(data.messages.some((mail) => mail.bodyText.includes('/nulstil/'))).toBe(true);
		});

		it('sends a visitor to log in, and answers another user 404', async () => {
			process.env.OUTBOX_PAGE = 'true';
			expect(await outcome(async () => load(await as(null)))).toEqual({
				kind: 'redirect',
				status: 303,
				location: '/login?next=%2Fdev%2Foutbox'
			});
			expect(await outcome(async () => load(await as('adminA')))).toMatchObject({
				kind: 'error',
				status: 404
			});
		});

		it('is not there at all when switched off, not even for the secretariat', async () => {
			process.env.OUTBOX_PAGE = 'false';
			expect(await outcome(async () => load(await as('secretariat')))).toMatchObject({
				kind: 'error',
				status: 404
			});
			expect(await outcome(async () => load(await as(null)))).toMatchObject({
				kind: 'error',
				status: 404
			});
		});
	});

	describe('layout load', () => {
		it('links the outbox in the footer for the secretariat only', async () => {
			process.env.OUTBOX_PAGE = 'true';
			const footer = async (who: 'secretariat' | 'adminA' | null) =>
				((await layoutLoad(await as(who))) as { showOutbox: boolean }).showOutbox;
			expect(await footer('secretariat')).toBe(true);
			expect(await footer('adminA')).toBe(false);
			expect(await footer(null)).toBe(false);
		});
	});
});
