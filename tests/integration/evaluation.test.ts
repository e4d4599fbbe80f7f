import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { SessionUser } from '../../src/lib/auth/server/session';
import {
	deleteEvaluation,
	listActivitiesLackingEvaluation,
	listEvaluationsForActivity,
	listRecentEvaluations,
	saveEvaluation
} from '../../src/lib/evaluations/server/evaluation';
import { createTestDatabase, truncateAll } from '../helpers/db';
import {
	NOW,
	YEAR,
	countEvaluationRows,
	createEvaluationWorld,
	goodInput,
	type EvaluationWorld
} from './evaluation-fixtures';

let database: Database;
let w: EvaluationWorld;
const u = (name: keyof EvaluationWorld['users']) => w.users[name] as SessionUser;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});
beforeEach(async () => {
	await truncateAll(database);
	w = await createEvaluationWorld(database);
});

async function save(user: SessionUser, activityId: string, organisationId: string, over = {}) {
	const result = await saveEvaluation(
		database.db,
		user,
		activityId,
		goodInput(organisationId, over) as never,
		NOW
	);
	if (!result.ok) throw new Error(`save refused: ${result.message}`);
	return result.value;
}

const lackingOf = async (user: SessionUser, schoolYear = YEAR) =>
	(await listActivitiesLackingEvaluation(database.db, user, { schoolYear, now: NOW })).map((a) => [
		a.title,
		a.missing.map((o) => o.name)
	]);

describe('evaluation', () => {
	describe('saveEvaluation', () => {
		it('records one evaluation per organisation and corrects it on a second save', async () => {
			const first = await save(u('ownerMember'), w.act.praktik, w.org.school);
			const second = await save(u('ownerAdmin'), w.act.praktik, w.org.school, {
				participants: 30,
				rating: 5,
				comment: 'Rettet'
			});
			expect(first.created).toBe(true);
			expect(second).toEqual({ id: first.id, created: false });
			const rows = await database.db.selectFrom('evaluation').selectAll().execute();
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ participants: 30, rating: 5, comment: 'Rettet' });
			expect(rows[0].createdBy).toBe(u('ownerMember').id);
		});

		it('writes an audit event for the create and the update', async () => {
			const { id } = await save(u('ownerMember'), w.act.praktik, w.org.school);
			await save(u('ownerMember'), w.act.praktik, w.org.school, { rating: 2 });
			const audits = await database.db.selectFrom('auditEvent').selectAll().orderBy('id').execute();
			expect(audits.map((a) => [a.action, a.entityType, a.entityId, a.organisationId])).toEqual([
				['create', 'evaluation', id, w.org.school],
				['update', 'evaluation', id, w.org.school]
			]);
			expect(audits[1].summary).toBe('Evaluering (2/5): Praktik uge 45');
			expect(audits[1].actorName).toBe('Skolemedlem');
		});

		it('lets a member of two taking-part organisations evaluate for each', async () => {
			await save(w.twoOrgs, w.act.praktik, w.org.school);
			await save(w.twoOrgs, w.act.praktik, w.org.smedCompany);
			expect((await countEvaluationRows(database.db)).evaluations).toBe(2);
		});

		it('evaluates a timed activity that ended earlier today, not one still running', async () => {
			await save(u('participantMember'), w.act.visitDone, w.org.smedCompany);
			const later = await saveEvaluation(
				database.db,
				u('ownerMember'),
				w.act.visitLater,
				goodInput(w.org.school) as never,
				NOW
			);
			expect(later).toMatchObject({ ok: false, reason: 'closed' });
		});
	});

	describe('listActivitiesLackingEvaluation', () => {
		it("lists the ended activities the user's organisation has not evaluated", async () => {
			expect(await lackingOf(u('ownerMember'))).toEqual([
				['Praktik uge 45', ['Byskolen']],
				['Besøg formiddag', ['Byskolen']]
			]);
			expect(await lackingOf(u('participantMember'))).toEqual([
				['Praktik uge 45', ['Smedjen ApS']],
				['Besøg formiddag', ['Smedjen ApS']]
			]);
		});

		it('drops an activity once the organisation has evaluated it, whoever else has not', async () => {
			await save(u('ownerMember'), w.act.praktik, w.org.school);
			expect(await lackingOf(u('ownerMember'))).toEqual([['Besøg formiddag', ['Byskolen']]]);
			expect(await lackingOf(u('participantMember'))).toHaveLength(2);
		});

		it('shows the secretariat every ended activity with the organisations still missing', async () => {
			await save(u('participantMember'), w.act.visitDone, w.org.smedCompany);
			expect(await lackingOf(u('secretariat'))).toEqual([
				['Tekniq åbent hus', ['Odder Skole', 'Tekniq A/S']],
				['Praktik uge 45', ['Byskolen', 'Smedjen ApS']],
				['Besøg formiddag', ['Byskolen']]
			]);
		});

		it('keeps to the chosen school year', async () => {
			expect(await lackingOf(u('ownerMember'), '2025/26')).toEqual([
				['Praktik juni', ['Byskolen']]
			]);
			expect(await lackingOf(u('ownerMember'), '2027/28')).toEqual([]);
		});

		it('shows nothing to an organisation taking part in nothing that has ended', async () => {
			expect(await lackingOf(u('otherAdmin'))).toEqual([]);
			expect(await lackingOf(u('noOrganisation'))).toEqual([]);
		});
	});

	describe('listEvaluationsForActivity', () => {
		beforeEach(async () => {
			await save(u('ownerMember'), w.act.praktik, w.org.school);
			await save(u('participantMember'), w.act.praktik, w.org.smedCompany, { rating: 3 });
		});
		const names = async (user: SessionUser | null) =>
			(await listEvaluationsForActivity(database.db, user, w.act.praktik, NOW))?.map((e) => [
				e.organisationName,
				e.canDelete
			]) ?? null;

		it('shows every evaluation to those taking part and to the secretariat', async () => {
			expect(await names(u('ownerMember'))).toEqual([
				['Byskolen', true],
				['Smedjen ApS', false]
			]);
			expect(await names(u('secretariat'))).toEqual([
				['Byskolen', true],
				['Smedjen ApS', true]
			]);
		});

		it("shows a municipality its school's evaluation only", async () => {
			// The praktik is private, so the municipality cannot see it at all: 404.
			expect(await names(w.municipality)).toBeNull();
			await database.db
				.updateTable('activity')
				.set({ visibility: 'alliance' })
				.where('id', '=', w.act.praktik)
				.execute();
			expect(await names(w.municipality)).toEqual([['Byskolen', false]]);
		});

		it('hides the activity from another organisation and from visitors', async () => {
			expect(await names(u('otherAdmin'))).toBeNull();
			expect(await names(null)).toBeNull();
		});
	});

	describe('deleteEvaluation', () => {
		it("deletes the organisation's own evaluation and records it", async () => {
			const { id } = await save(u('ownerMember'), w.act.praktik, w.org.school);
			const result = await deleteEvaluation(database.db, u('ownerAdmin'), w.act.praktik, id, NOW);
			expect(result.ok).toBe(true);
			expect(await countEvaluationRows(database.db)).toEqual({ evaluations: 0, audits: 2 });
			const last = await database.db
				.selectFrom('auditEvent')
				.select(['action', 'entityId'])
				.orderBy('id', 'desc')
				.executeTakeFirstOrThrow();
			expect(last).toEqual({ action: 'delete', entityId: id });
		});

		it("refuses another taking-part organisation's evaluation and hides it from outsiders", async () => {
			const { id } = await save(u('ownerMember'), w.act.praktik, w.org.school);
			const forbidden = await deleteEvaluation(
				database.db,
				u('participantMember'),
				w.act.praktik,
				id
			);
			const hidden = await deleteEvaluation(database.db, u('otherAdmin'), w.act.praktik, id);
			const wrongActivity = await deleteEvaluation(database.db, u('ownerMember'), w.act.future, id);
			expect(forbidden).toMatchObject({ ok: false, reason: 'forbidden' });
			expect(hidden).toMatchObject({ ok: false, reason: 'not_found' });
			expect(wrongActivity).toMatchObject({ ok: false, reason: 'not_found' });
			expect(await countEvaluationRows(database.db)).toEqual({ evaluations: 1, audits: 1 });
		});
	});

	describe('listRecentEvaluations', () => {
		it("lists the user's organisations' evaluations, newest first; all for the secretariat", async () => {
			await save(u('ownerMember'), w.act.praktik, w.org.school);
			await save(u('participantMember'), w.act.praktik, w.org.smedCompany);
			await save(u('ownerMember'), w.act.visitDone, w.org.school);
			const titles = (list: { activityTitle: string; organisationName: string }[]) =>
				list.map((e) => `${e.activityTitle} / ${e.organisationName}`);
			expect(titles(await listRecentEvaluations(database.db, u('ownerMember')))).toEqual([
				'Besøg formiddag / Byskolen',
				'Praktik uge 45 / Byskolen'
			]);
			expect(await listRecentEvaluations(database.db, u('secretariat'))).toHaveLength(3);
			expect(await listRecentEvaluations(database.db, u('otherAdmin'))).toEqual([]);
		});
	});
});
