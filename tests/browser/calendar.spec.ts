import type { Page } from '@playwright/test';
import { expect, test, USERS, logIn } from './support';

// February 2027 holds seeded activities of every pillar (uge 6–8: erhvervspraktik, vinterferie).
const MONTH = '/kalender?date=2027-02-01&view=month';

interface FeedEvent {
	id: string;
	title: string;
	start: string;
	end: string;
	allDay: boolean;
	startEditable: boolean;
	extendedProps: { pillar: string };
}

const isFeed = (url: string) => new URL(url).pathname === '/api/activities';

/** Opens a calendar URL and returns the events the calendar fetched for it. */
async function openCalendar(page: Page, path: string): Promise<FeedEvent[]> {
	const response = page.waitForResponse((r) => isFeed(r.url()) && r.request().method() === 'GET');
	await page.goto(path);
	const feed = await response;
	expect(feed.status()).toBe(200);
	return (await feed.json()) as FeedEvent[];
}

/** The distinct activities drawn (an event over several weeks is drawn once per week row). */
async function drawnIds(page: Page): Promise<string[]> {
	const hrefs = await page
		.locator('.fc a.fc-event[href]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return [...new Set(hrefs.map((href) => href.replace('/aktiviteter/', '')))].sort();
}

// A course on several mornings is one event a day, all with the activity's id.
const ids = (events: FeedEvent[]) => [...new Set(events.map((e) => e.id))].sort();
const addDay = (date: string, days: number) => {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
};
const dayOf = (e: FeedEvent) => e.start.slice(0, 10);
/** Movable, starting in February 2027, so that a week later is still on the month grid. */
const movableInFebruary = (e: FeedEvent) => e.startEditable && e.start.startsWith('2027-02');

/**
 * Drags an event by whole days: grabs its block over its first day and lets go over the target
 * day at the same height in that day's cell (FullCalendar moves by the difference of the two days).
 */
async function dragByDays(page: Page, event: FeedEvent, targetDate: string) {
	const block = page.locator(`.fc a.fc-event[href="/aktiviteter/${event.id}"]`).first();
	const fromCell = (await page
		.locator(`.fc td.fc-daygrid-day[data-date="${dayOf(event)}"]`)
		.boundingBox())!;
	const toCell = (await page
		.locator(`.fc td.fc-daygrid-day[data-date="${targetDate}"]`)
		.boundingBox())!;
	const box = (await block.boundingBox())!;
	const x = fromCell.x + fromCell.width / 2;
	const y = box.y + box.height / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + 8, y + 8, { steps: 4 });
	await page.mouse.move(toCell.x + toCell.width / 2, toCell.y + (y - fromCell.y), { steps: 15 });
	await page.mouse.up();
}

test.describe('calendar', () => {
	// Tall enough that a whole month grid is on screen: a drag cannot leave the viewport.
	test.use({ viewport: { width: 1280, height: 1600 } });

	test('draws the activities the endpoint returns for the month, with week numbers', async ({
		page
	}) => {
		await logIn(page, USERS.secretariat);
		const events = await openCalendar(page, MONTH);
		expect(events.length).toBeGreaterThan(3);
		await expect(page.locator('.fc-toolbar-title')).toHaveText(/februar 2027/i);
		await expect.poll(() => drawnIds(page)).toEqual(ids(events));
		// ISO week numbers with the Danish label; Monday first.
		await expect(page.locator('.fc-daygrid-week-number').first()).toHaveText('uge 5');
		await expect(page.locator('.fc-col-header-cell').first()).toHaveText(/man/i);
		// Each event's accessible name is its text (title) with dates and week numbers.
		const first = page.locator('.fc a.fc-event').first();
		await expect(first).toHaveAccessibleName(/\(uge \d+(–\d+)?\)$/);
		// The server-rendered list steps aside once the calendar is drawn.
		await expect(page.locator('#calendar-list-caption')).toBeHidden();
	});

	test('a pillar filter changes the events and survives a reload', async ({ page }) => {
		await logIn(page, USERS.secretariat);
		const all = await openCalendar(page, MONTH);
		const pillar = 'rekruttering';
		expect(all.some((e) => e.extendedProps.pillar !== pillar)).toBe(true);

		const filtered = page.waitForResponse(
			(r) => isFeed(r.url()) && new URL(r.url()).searchParams.get('pillar') === pillar
		);
		// The filters are folded away until asked for.
		await page.getByText('Filtre', { exact: true }).click();
		await page.getByLabel('Søjle').selectOption(pillar);
		const events = (await (await filtered).json()) as FeedEvent[];
		expect(events.every((e) => e.extendedProps.pillar === pillar)).toBe(true);
		expect(events.length).toBeLessThan(all.length);
		await expect(page).toHaveURL(/pillar=rekruttering/);
		await expect(page).toHaveURL(/date=2027-02-01/);
		await expect.poll(() => drawnIds(page)).toEqual(ids(events));

		const reloaded = page.waitForResponse((r) => isFeed(r.url()));
		await page.reload();
		expect(new URL((await reloaded).url()).searchParams.get('pillar')).toBe(pillar);
		await expect(page.getByText('Filtre (1 valgt)', { exact: true })).toBeVisible();
		await expect(page.getByLabel('Søjle')).toHaveValue(pillar);
		await expect(page.locator('.fc-toolbar-title')).toHaveText(/februar 2027/i);
		await expect.poll(() => drawnIds(page)).toEqual(ids(events));
	});

	test('the view and the period are kept in the URL', async ({ page }) => {
		await openCalendar(page, MONTH);
		await page.getByRole('button', { name: /næste/i }).click();
		await expect(page).toHaveURL(/date=2027-03-01/);
		await page.getByRole('button', { name: 'Liste' }).click();
		await expect(page).toHaveURL(/view=list/);
		await page.reload();
		await expect(page.locator('.fc-list, .fc-list-empty').first()).toBeVisible();
		await expect(page.locator('.fc-toolbar-title')).toHaveText(/marts 2027/i);
	});

	test('an editor drags an activity to another day and the server keeps it', async ({ page }) => {
		await logIn(page, USERS.secretariat);
		const events = await openCalendar(page, MONTH);
		// A timed one keeps its hours; the company test below drags an all-day one.
		const event = events.find((e) => movableInFebruary(e) && !e.allDay);
		expect(event, 'a movable timed activity in February 2027').toBeDefined();
		const target = addDay(dayOf(event!), 7);
		await expect.poll(() => drawnIds(page)).toContain(event!.id);

		const move = page.waitForResponse((r) => r.url().endsWith(`/api/activities/${event!.id}/move`));
		await dragByDays(page, event!, target);
		const answer = await move;
		expect(answer.status()).toBe(200);
		expect(answer.request().postDataJSON()).toEqual({ startDate: target });
		await expect(page.getByRole('status')).toContainText('Flyttet');

		const block = page.locator(`.fc a.fc-event[href="/aktiviteter/${event!.id}"]`).first();
		await expect(block.locator('xpath=ancestor::td[@data-date][1]')).toHaveAttribute(
			'data-date',
			target
		);
		// Stored, not just drawn: the endpoint now has it a week later at the same time of day.
		const stored = await page.request.get('/api/activities?start=2027-02-01&end=2027-03-01');
		const after = (await stored.json()) as FeedEvent[];
		expect(after.find((e) => e.id === event!.id)?.start).toBe(target + event!.start.slice(10));
	});

	test('a refused move snaps back with the Danish message', async ({ page, context }) => {
		await logIn(page, USERS.company);
		const events = await openCalendar(page, MONTH);
		// Another organisation's activity is not even draggable for a company user …
		const foreign = events.find((e) => !e.startEditable);
		expect(foreign, 'an activity the company may not move').toBeDefined();
		await expect(
			page.locator(`.fc a.fc-event[href="/aktiviteter/${foreign!.id}"]`).first()
		).not.toHaveClass(/fc-event-draggable/);
		// … and the server refuses the move anyway.
		const origin = new URL(page.url()).origin;
		const refused = await page.request.post(`/api/activities/${foreign!.id}/move`, {
			headers: { origin },
			data: { startDate: addDay(foreign!.start.slice(0, 10), 1) }
		});
		expect(refused.status()).toBe(403);
		expect((await refused.json()).message).toMatch(/[æøå]|ikke/i);

		// An activity it may move, but the session ends in another tab before the drop: the server
		// answers 401, the block snaps back and the reason is announced.
		const own = events.find(movableInFebruary);
		expect(own, 'an activity of the company in February 2027').toBeDefined();
		const other = await context.newPage();
		await other.goto('/');
		await other.getByRole('button', { name: 'Log ud' }).click();
		await expect(other.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();

		const move = page.waitForResponse((r) => r.url().endsWith(`/api/activities/${own!.id}/move`));
		await dragByDays(page, own!, addDay(dayOf(own!), 7));
		expect((await move).status()).toBe(401);
		await expect(page.getByRole('status')).toHaveClass(/alert/);
		await expect(page.getByRole('status')).not.toBeEmpty();
		const block = page.locator(`.fc a.fc-event[href="/aktiviteter/${own!.id}"]`).first();
		await expect(block.locator('xpath=ancestor::td[@data-date][1]')).toHaveAttribute(
			'data-date',
			dayOf(own!)
		);
	});
});

test.describe('calendar without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('lists the month with week numbers; filters and periods reload the page', async ({
		page
	}) => {
		await logIn(page, USERS.secretariat);
		await page.goto(MONTH);
		const table = page.getByRole('table', { name: 'Aktiviteter 1.–28. februar 2027' });
		await expect(table).toBeVisible();
		const rows = table.locator('tbody tr');
		const all = await rows.count();
		expect(all).toBeGreaterThan(3);
		await expect(table.getByRole('cell', { name: 'uge 6', exact: true }).first()).toBeVisible();

		await page.getByText('Filtre', { exact: true }).click();
		await page.getByLabel('Søjle').selectOption('rekruttering');
		await page.getByRole('button', { name: 'Vis', exact: true }).click();
		await expect(page).toHaveURL(/pillar=rekruttering/);
		await expect(page).toHaveURL(/date=2027-02-01/);
		await expect(page.getByLabel('Søjle')).toHaveValue('rekruttering');
		await expect.poll(() => rows.count()).toBeLessThan(all);

		await page.getByRole('link', { name: /Næste periode/ }).click();
		await expect(page).toHaveURL(/date=2027-03-01/);
		await expect(page).toHaveURL(/pillar=rekruttering/);
		await expect(page.getByRole('table', { name: /marts 2027/ })).toBeVisible();

		await page.getByText('Filtre (1 valgt)', { exact: true }).click();
		await page.getByRole('link', { name: 'Nulstil' }).click();
		await expect(page).not.toHaveURL(/pillar=/);
		await expect(page.getByLabel('Søjle')).toHaveValue('');
	});
});
