import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { Occurrence, RecurrenceRule } from '$lib/wheel';
import type { SeriesInput } from '$lib/activities/series-schema';
import type { ActivitySeries, DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { canDeleteActivity, canEditActivity, canViewActivity } from './policy';
import { UUID, failure, notFound, type ActivityResult } from './core';
import {
	checkSeriesReferences,
	expandSeries,
	insertOccurrences,
	occurrenceColumns,
	seriesColumns,
	seriesParticipants
} from './series-core';
import { planSeriesSync } from './series-plan';
import { insertParticipants, updateActivityRow } from './queries/activities';
import {
	deleteActivities,
	deleteParticipantsOf,
	deleteSeriesRow,
	insertSeries,
	listSeriesActivities,
	lockSeries,
	updateSeriesRow
} from './queries/series';
import { auditSeries } from './audit';
import { summaries } from '$lib/audit/server';

export { findSeriesForUser, type SeriesDetail } from './queries/series';

/** The occurrences a series would get, checked like a save but with nothing written. */
export async function previewSeries(
	db: Kysely<DB>,
	user: Actor,
	input: SeriesInput
): Promise<ActivityResult<Occurrence[]>> {
	const occurrences = expandSeries(input);
	if (!occurrences.ok) return occurrences;
	const problem = await checkSeriesReferences(db, user, input);
	return problem.ok ? occurrences : problem;
}

/** Creates the series and all its occurrences as activity rows, or nothing at all. */
export async function createSeries(
	db: Kysely<DB>,
	user: Actor,
	input: SeriesInput
): Promise<ActivityResult<{ id: string; created: number }>> {
	const occurrences = expandSeries(input);
	if (!occurrences.ok) return occurrences;
	return db.transaction().execute(async (trx) => {
		const problem = await checkSeriesReferences(trx, user, input);
		if (!problem.ok) return problem;
		const id = await insertSeries(trx, { ...seriesColumns(input), createdBy: user.id });
		const ids = await insertOccurrences(trx, id, input, occurrences.value, user.id);
		const summary = summaries.series(input.title, ids.length);
		await auditSeries(trx, user, 'create', { id, ownerId: input.ownerId }, summary);
		return { ok: true as const, value: { id, created: ids.length } };
	});
}

async function loadSeriesForChange(
	trx: Transaction<DB>,
	user: Actor,
	id: string,
	allowed: (user: Actor, series: ActivitySeries) => boolean,
	forbiddenMessage: string
): Promise<ActivityResult<ActivitySeries>> {
	if (!UUID.test(id)) return notFound();
	const series = await lockSeries(trx, id);
	if (!series || !canViewActivity(user, series, series.participantIds)) return notFound();
	if (!allowed(user, series)) return failure('forbidden', forbiddenMessage);
	return { ok: true, value: series };
}

function oldKeysOf(series: ActivitySeries): string[] {
	const old = expandSeries({
		rule: series.rule as RecurrenceRule,
		startsOn: series.startsOn,
		until: series.until,
		count: series.occurrenceCount
	});
	return old.ok ? old.value.map((o) => o.occurrenceKey) : [];
}

export interface SeriesUpdateCounts {
	updated: number;
	inserted: number;
	deleted: number;
	detached: number;
}

/**
 * Regenerates the non-detached occurrences: kept rows keep their id and get a new SEQUENCE when
 * their dates, times or place change; rows the new rule no longer produces are deleted.
 */
export async function updateSeries(
	db: Kysely<DB>,
	user: Actor,
	seriesId: string,
	input: SeriesInput
): Promise<ActivityResult<SeriesUpdateCounts>> {
	const next = expandSeries(input);
	if (!next.ok) return next;
	return db.transaction().execute(async (trx) => {
		const loaded = await loadSeriesForChange(
			trx,
			user,
			seriesId,
			canEditActivity,
			m.activity_err_forbidden_edit()
		);
		if (!loaded.ok) return loaded;
		const problem = await checkSeriesReferences(trx, user, input);
		if (!problem.ok) return problem;
		const existing = await listSeriesActivities(trx, seriesId);
		const plan = planSeriesSync(existing, oldKeysOf(loaded.value), next.value);
		await deleteActivities(trx, plan.delete);
		const shared = occurrenceColumns(input);
		const rows = new Map(existing.map((r) => [r.id, r]));
		for (const { id, occurrence } of plan.update) {
			const before = rows.get(id)!;
			const moved =
				before.startDate !== occurrence.start ||
				before.endDate !== occurrence.end ||
				before.startTime !== shared.startTime ||
				before.endTime !== shared.endTime ||
				before.place !== shared.place;
			await updateActivityRow(trx, id, {
				...shared,
				startDate: occurrence.start,
				endDate: occurrence.end,
				occurrenceKey: occurrence.occurrenceKey,
				sequence: before.sequence + (moved ? 1 : 0),
				updatedAt: new Date()
			});
		}
		const keptIds = plan.update.map((u) => u.id);
		await deleteParticipantsOf(trx, keptIds);
		await insertParticipants(trx, keptIds, seriesParticipants(input));
		await insertOccurrences(trx, seriesId, input, plan.insert, loaded.value.createdBy);
		await updateSeriesRow(trx, seriesId, { ...seriesColumns(input), updatedAt: new Date() });
		const counts = {
			updated: plan.update.length,
			inserted: plan.insert.length,
			deleted: plan.delete.length,
			detached: existing.filter((r) => r.detached).length
		};
		const summary = summaries.seriesChanged(input.title, counts);
		await auditSeries(trx, user, 'update', { id: seriesId, ownerId: input.ownerId }, summary);
		return { ok: true as const, value: counts };
	});
}

/** Deletes the series with every occurrence, detached ones included (on delete cascade). */
export async function deleteSeries(
	db: Kysely<DB>,
	user: Actor,
	seriesId: string
): Promise<ActivityResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const loaded = await loadSeriesForChange(
			trx,
			user,
			seriesId,
			canDeleteActivity,
			m.activity_err_forbidden_delete()
		);
		if (!loaded.ok) return loaded;
		await deleteSeriesRow(trx, seriesId);
		await auditSeries(trx, user, 'delete', loaded.value, loaded.value.title);
		return { ok: true as const, value: { id: seriesId } };
	});
}
