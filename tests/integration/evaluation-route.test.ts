import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, copenhagenToday } from '../../src/lib/platform/dates/iso';
import { schoolYearOf } from '../../src/lib/platform/dates/school-year';
import type { SessionUser } from '../../src/lib/auth/server/session';
import * as evaluationPage from '../../src/routes/aktiviteter/[id]/evaluering/+page.server';
import * as activityPage from '../../src/routes/aktiviteter/[id]/+page.server';
import * as listPage from '../../src/routes/evalueringer/+page.server';
import { insertActivity, type ActivityWorld, useActivityWorld } from './activity-fixtures';
import { countEvaluationRows } from './evaluation-fixtures';
import { fakeEvent } from './organisation.fixtures';
import type { ActionResult, Fields } from './booking-route-fixtures';

// The routes decide "ended" with the real clock, so these activities lie around today.
const TODAY = copenhagenToday();
const PAST = addDays(TODAY, -3);
const FUTURE = addDays(TODAY, 30);

const w = useActivityWorld({ routes: true });
let past: string;
let future: string;
const u = (name: keyof ActivityWorld['users']) => w.users[name] as SessionUser;

beforeEach(async () => {
	const spec = {
		ownerId: w.org.school,
		categoryId: w.category.praktik,
		visibility: 'private' as const
	};
	past = await insertActivity(w.db, {
		...spec,
		title: 'Afsluttet praktik',
		startDate: PAST,
		endDate: PAST,
		participants: [w.org.smedCompany]
	});
	future = await insertActivity(w.db, {
		...spec,
		title: 'Kommende praktik',
		startDate: FUTURE,
		endDate: FUTURE
	});
});

type Load = Record<string, unknown> & {
	choices: { id: string }[];
	evaluations: { organisationName: string }[];
	values: Record<string, string>;
	notice: string | null;
};
const loadForm = async (user: SessionUser | null, id: string, query = '') =>
	(await evaluationPage.load(
		fakeEvent(`/aktiviteter/${id}/evaluering${query}`, user, { id }) as never
	)) as Load;
const post = (user: SessionUser | null, id: string, name: 'save' | 'delete', fields: Fields) =>
	evaluationPage.actions[name](
		fakeEvent(`/aktiviteter/${id}/evaluering?/${name}`, user, { id }, fields)
	) as Promise<ActionResult>;
const fields = (over: Fields = {}): Fields => ({
	organisationId: w.org.school,
	participants: '24',
	rating: '4',
	comment: 'Godt forløb',
	...over
});
/** What a route throws (redirect or error) or returns. */
async function outcome<T>(promise: Promise<T>): Promise<{ status: number; location?: string }> {
	try {
		const result = (await promise) as ActionResult;
		return { status: result?.status ?? 200 };
	} catch (thrown) {
		const t = thrown as { status: number; location?: string };
		return { status: t.status, location: t.location };
	}
}

describe('routes/aktiviteter/[id]/evaluering', () => {
	describe('load', () => {
		it('offers the taking-part member a form for their organisation', async () => {
			const data = await loadForm(u('ownerMember'), past);
			expect(data.choices.map((c) => c.id)).toEqual([w.org.school]);
			expect(data.values).toMatchObject({ organisationId: w.org.school, participants: '' });
			expect(data.notice).toBeNull();
		});

		it('says why an activity that has not ended cannot be evaluated', async () => {
			const data = await loadForm(u('ownerMember'), future);
			expect(data.choices).toEqual([]);
			expect(data.notice).toBe(
				'Aktiviteten er ikke slut endnu. Den kan evalueres, når den er afsluttet.'
			);
		});

		it("answers 404 for another organisation's private activity, login for visitors", async () => {
			expect(await outcome(loadForm(u('otherAdmin'), past))).toEqual({
				status: 404,
				location: undefined
			});
			const visitor = await outcome(loadForm(null, past));
			expect(visitor.status).toBe(303);
			expect(visitor.location).toMatch(/^\/login\?next=/);
		});
	});

	describe('save', () => {
		it('records the evaluation and shows it, prefilled, after the redirect', async () => {
			const result = await outcome(post(u('ownerMember'), past, 'save', fields()));
			expect(result.status).toBe(303);
			expect(result.location).toBe(
				`/aktiviteter/${past}/evaluering?gemt&organisation=${w.org.school}`
			);
			const data = await loadForm(u('participantMember'), past);
			expect(data.evaluations.map((e) => e.organisationName)).toEqual(['Byskolen']);
			const again = await loadForm(u('ownerMember'), past);
			expect(again.values).toMatchObject({
				participants: '24',
				rating: '4',
				comment: 'Godt forløb'
			});
		});

		it('refuses bad numbers and ratings with Danish messages, the form filled in, nothing written', async () => {
			const cases: [Fields, string, string][] = [
				[
					{ participants: 'mange' },
					'participants',
					'Skriv et helt antal deltagere fra 0 til 100.000'
				],
				[{ participants: '-1' }, 'participants', 'Skriv et helt antal deltagere fra 0 til 100.000'],
				[
					{ participants: '100001' },
					'participants',
					'Skriv et helt antal deltagere fra 0 til 100.000'
				],
				[
					{ participants: '1e3' },
					'participants',
					'Skriv et helt antal deltagere fra 0 til 100.000'
				],
				[{ participants: '' }, 'participants', 'Skriv et helt antal deltagere fra 0 til 100.000'],
				[{ rating: '0' }, 'rating', 'Vælg en bedømmelse fra 1 til 5'],
				[{ rating: '6' }, 'rating', 'Vælg en bedømmelse fra 1 til 5'],
				[{ rating: '4.5' }, 'rating', 'Vælg en bedømmelse fra 1 til 5'],
				[{ comment: 'x'.repeat(2001) }, 'comment', 'Må højst være 2000 tegn'],
				[
					{ organisationId: 'ikke-et-id' },
					'organisationId',
					'Vælg en af dine organisationer, der deltager i aktiviteten'
				]
			];
			for (const [over, field, message] of cases) {
				const result = await post(u('ownerMember'), past, 'save', fields(over));
				expect(result.status, JSON.stringify(over)).toBe(400);
				expect(result.data?.errors?.[field]).toBe(message);
				expect(result.data?.values?.comment).toBe(over.comment ?? 'Godt forløb');
			}
			const noRating = { ...fields() };
			delete noRating.rating;
			expect((await post(u('ownerMember'), past, 'save', noRating)).data?.errors?.rating).toBe(
				'Vælg en bedømmelse fra 1 til 5'
			);
			expect(await countEvaluationRows(w.db)).toEqual({ evaluations: 0, audits: 0 });
		});

		it("refuses an organisation that is not the user's or does not take part", async () => {
			const forOther = await post(
				u('ownerMember'),
				past,
				'save',
				fields({ organisationId: w.org.smedCompany })
			);
			expect(forOther.status).toBe(400);
			expect(forOther.data?.errors?.organisationId).toMatch(/^Vælg en af dine organisationer/);
			expect(await countEvaluationRows(w.db)).toEqual({ evaluations: 0, audits: 0 });
		});

		it('refuses an activity that has not ended, was cancelled, or does not involve the user', async () => {
			const notEnded = await post(u('ownerMember'), future, 'save', fields());
			expect(notEnded.status).toBe(409);
			expect(notEnded.data?.message).toMatch(/^Aktiviteten er ikke slut endnu/);
			await w.db
				.updateTable('activity')
				.set({ status: 'cancelled', visibility: 'alliance' })
				.where('id', '=', past)
				.execute();
			const cancelled = await post(u('ownerMember'), past, 'save', fields());
			expect(cancelled.status).toBe(409);
			expect(cancelled.data?.message).toBe('Aktiviteten er aflyst og skal ikke evalueres.');
			await w.db
				.updateTable('activity')
				.set({ status: 'planned' })
				.where('id', '=', past)
				.execute();
			const outsider = await post(
				u('otherAdmin'),
				past,
				'save',
				fields({ organisationId: w.org.partner })
			);
			expect(outsider.status).toBe(403);
			expect(outsider.data?.message).toMatch(/^Din organisation deltager ikke/);
			expect(await countEvaluationRows(w.db)).toEqual({ evaluations: 0, audits: 0 });
		});

		it("answers 404 for another organisation's private activity, whatever was posted", async () => {
			expect((await outcome(post(u('otherAdmin'), past, 'save', fields()))).status).toBe(404);
			expect((await outcome(post(u('otherAdmin'), past, 'save', { rating: '9' }))).status).toBe(
				404
			);
			expect((await outcome(post(u('ownerMember'), 'ikke-en-uuid', 'save', fields()))).status).toBe(
				404
			);
			expect(await countEvaluationRows(w.db)).toEqual({ evaluations: 0, audits: 0 });
		});
	});

	describe('delete', () => {
		it("deletes the organisation's own evaluation and 404s someone else's", async () => {
			await outcome(post(u('ownerMember'), past, 'save', fields()));
			const { id } = await w.db.selectFrom('evaluation').select('id').executeTakeFirstOrThrow();
			const smithy = await post(u('participantMember'), past, 'delete', { evaluationId: id });
			expect(smithy.status).toBe(403);
			expect(
				(await outcome(post(u('otherAdmin'), past, 'delete', { evaluationId: id }))).status
			).toBe(404);
			const own = await outcome(post(u('ownerAdmin'), past, 'delete', { evaluationId: id }));
			expect(own).toEqual({ status: 303, location: `/aktiviteter/${past}/evaluering?slettet` });
			expect(await countEvaluationRows(w.db)).toEqual({ evaluations: 0, audits: 2 });
		});
	});
});

describe('routes/aktiviteter/[id]', () => {
	it('offers "Evaluér" to those who may evaluate, only once the activity has ended', async () => {
		const canEvaluate = async (user: SessionUser | null, id: string) =>
			(
				(await activityPage.load(fakeEvent(`/aktiviteter/${id}`, user, { id }) as never)) as {
					canEvaluate: boolean;
				}
			).canEvaluate;
		expect(await canEvaluate(u('ownerMember'), past)).toBe(true);
		expect(await canEvaluate(u('participantMember'), past)).toBe(true);
		expect(await canEvaluate(u('secretariat'), past)).toBe(true);
		expect(await canEvaluate(u('ownerMember'), future)).toBe(false);
	});
});

describe('routes/evalueringer', () => {
	it('lists what the school still has to evaluate and what it has evaluated', async () => {
		type ListData = { lacking: { title: string }[]; recent: { activityTitle: string }[] };
		const list = async (user: SessionUser) =>
			(await listPage.load(
				fakeEvent(`/evalueringer?skoleaar=${encodeURIComponent(schoolYearOf(PAST))}`, user) as never
			)) as ListData;
		expect((await list(u('ownerMember'))).lacking.map((a) => a.title)).toEqual([
			'Afsluttet praktik'
		]);
		await outcome(post(u('ownerMember'), past, 'save', fields()));
		const after = await list(u('ownerMember'));
		expect(after.lacking).toEqual([]);
		expect(after.recent.map((e) => e.activityTitle)).toEqual(['Afsluttet praktik']);
		expect((await list(u('participantMember'))).lacking.map((a) => a.title)).toEqual([
			'Afsluttet praktik'
		]);
	});

	it('sends visitors to the login', async () => {
		const visitor = await outcome(
			listPage.load(fakeEvent('/evalueringer', null) as never) as Promise<unknown>
		);
		expect(visitor.status).toBe(303);
	});
});
