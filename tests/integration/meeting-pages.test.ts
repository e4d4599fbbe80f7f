import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import ListPage from '../../src/routes/moeder/+page.svelte';
import NewPage from '../../src/routes/moeder/ny/+page.svelte';
import AgendaPage from '../../src/routes/moeder/[id]/dagsorden/+page.svelte';
import AttendancePage from '../../src/routes/moeder/[id]/fremmoede/+page.svelte';
import MinutesPage from '../../src/routes/moeder/[id]/referat/+page.svelte';
import * as listPage from '../../src/routes/moeder/+page.server';
import * as newPage from '../../src/routes/moeder/ny/+page.server';
import * as agendaPage from '../../src/routes/moeder/[id]/dagsorden/+page.server';
import * as attendancePage from '../../src/routes/moeder/[id]/fremmoede/+page.server';
import * as minutesPage from '../../src/routes/moeder/[id]/referat/+page.server';
import { saveMinutes, setAttendance } from '../../src/lib/meetings/server/meeting';
import { createTestDatabase } from '../helpers/db';
import { fakeEvent, useForRoutes } from './organisation.fixtures';
import { createMeetingWorld, makeMeeting, type MeetingWorld } from './meeting-fixtures';

// The pages as the server renders them (before JavaScript): labels, tables and filled-in forms.
describe('meeting pages', () => {
	let database: Database;
	let world: MeetingWorld;
	let id: string;

	beforeAll(async () => {
		database = await createTestDatabase();
		useForRoutes(database);
		world = await createMeetingWorld(database);
		id = await makeMeeting(database, world, { date: '2026-03-12', title: 'Marts' });
		await setAttendance(database.db, world.secretariat, id, [world.org.partner]);
		await saveMinutes(database.db, world.secretariat, id, '## Beslutning\n\nGodkendt.');
	});
	afterAll(async () => {
		await database?.close();
	});

	const page = async (
		Component: unknown,
		load: (e: never) => unknown,
		path: string,
		params: Record<string, string> = {}
	) => {
		const data = (await load(fakeEvent(path, world.secretariat, params) as never)) as object;
		const props = { data: { ...data, locale: 'da', user: world.secretariat }, form: null };
		return render(Component as never, { props } as never).body;
	};

	it('lists the past meeting in a table with headers and its attendance', async () => {
		const body = await page(ListPage, listPage.load, '/moeder');
		expect(body).toMatch(/<th scope="col"[^>]*>Dato<\/th>/);
		expect(body).toMatch(
			/<th scope="row"[^>]*>(\s|<!--[^>]*-->)*<a href="\/moeder\/[0-9a-f-]+"[^>]*>Marts</
		);
		expect(body).toContain('1 af 2');
		expect(body).toContain('href="/moeder/ny"');
	});

	it('fills the next-meeting form from the previous meeting', async () => {
		const body = await page(NewPage, newPage.load, `/moeder/ny?efter=${id}`);
		expect(body).toContain('<h1>Planlæg næste møde</h1>');
		expect(body).toContain('value="2026-09-10"');
		expect(body).toContain(`name="previousActivityId" value="${id}"`);
		expect(body).toContain('## Opfølgning på sidste referat');
	});

	it('shows the agenda form with the invited organisations ticked', async () => {
		const body = await page(AgendaPage, agendaPage.load, `/moeder/${id}/dagsorden`, { id });
		expect(body).toContain('<label for="field-agenda">Dagsorden</label>');
		expect(body).toMatch(new RegExp(`value="${world.org.partner}" checked`));
		expect(body).not.toMatch(new RegExp(`value="${world.org.company}" checked`));
	});

	it('shows attendance with the present organisation ticked', async () => {
		const body = await page(AttendancePage, attendancePage.load, `/moeder/${id}/fremmoede`, {
			id
		});
		expect(body).toMatch(new RegExp(`name="present" value="${world.org.partner}" checked`));
		expect(body).not.toMatch(new RegExp(`value="${world.org.municipality}" checked`));
	});

	it('shows the minutes text and the preview of what was saved', async () => {
		const body = await page(MinutesPage, minutesPage.load, `/moeder/${id}/referat`, { id });
		expect(body).toContain('## Beslutning');
		expect(body).toContain('Sådan ser det gemte ud');
		expect(body).toContain('<h4>Beslutning</h4>');
	});
});
