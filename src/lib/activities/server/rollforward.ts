import type { Kysely } from 'kysely';
import { isSchoolYearLabel, nextSchoolYear } from '$lib/platform/dates/school-year';
import {
	rollForward,
	rollTitleForward,
	type RollForwardConflict,
	type RolledSpan
} from '$lib/wheel';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { auditActivity } from './audit';
import { summaries } from '$lib/audit/server';
import {
	holidaysAround,
	listRollForwardCandidates,
	municipalitiesOf,
	type RollForwardFilters,
	selectActivityStarts,
	selectRollSources
} from './queries/rollforward';
import { insertActivity, insertParticipants } from './queries/activities';

export { listRollForwardCandidates, type RollForwardCandidate } from './queries/rollforward';

export type PreviewConflict =
	| Exclude<RollForwardConflict, { kind: 'schoolHoliday' }>
	| { kind: 'schoolHoliday'; start: string; end: string; name: string; municipality: string }
	/** An activity with the same owner, title and start already exists: applying skips it. */
	| { kind: 'exists' };

export interface PreviewItem {
	id: string;
	title: string;
	/** The copy's suggested title: years moved on by one (editable before applying). */
	newTitle: string;
	ownerName: string;
	source: { start: string; end: string };
	target: RolledSpan | null;
	conflicts: PreviewConflict[];
}

export interface RollForwardPreview {
	fromYear: string;
	toYear: string;
	items: PreviewItem[];
	/** Chosen ids that are missing, not in the year, or not the user's to edit: left out. */
	ignored: string[];
}

export interface RollForwardRequest {
	fromYear: string;
	activityIds?: readonly string[];
	filters?: RollForwardFilters;
}

/** The new activities rolling forward would create, and what to check; nothing is written. */
export async function previewRollForward(
	db: Kysely<DB>,
	user: Actor,
	request: RollForwardRequest
): Promise<RollForwardPreview | null> {
	if (!isSchoolYearLabel(request.fromYear)) return null;
	const toYear = nextSchoolYear(request.fromYear);
	const activities = await listRollForwardCandidates(
		db,
		user,
		request.fromYear,
		request.filters,
		request.activityIds
	);
	const found = new Set(activities.map((a) => a.id));
	const ignored = [...new Set(request.activityIds ?? [])].filter((id) => !found.has(id));
	const municipalities = await municipalitiesOf(db, activities);
	const allMunicipalities = new Set([...municipalities.values()].flatMap((s) => [...s]));
	const holidays = await holidaysAround(db, [...allMunicipalities], toYear);
	const items: PreviewItem[] = activities.map((a) => {
		const mine = holidays.filter((h) => municipalities.get(a.id)?.has(h.municipalityId));
		// The index as name lets the conflict be traced back to its municipality.
		const [result] = rollForward([{ id: a.id, start: a.startDate, end: a.endDate }], {
			schoolHolidays: mine.map((h, index) => ({ start: h.start, end: h.end, name: String(index) }))
		});
		const conflicts = result.conflicts.map((c): PreviewConflict => {
			if (c.kind !== 'schoolHoliday') return c;
			const holiday = mine[Number(c.name)];
			return { ...c, name: holiday.name, municipality: holiday.municipality };
		});
		return {
			id: a.id,
			title: a.title,
			newTitle: rollTitleForward(a.title),
			ownerName: a.ownerName,
			source: result.source,
			target: result.target,
			conflicts
		};
	});
	await markExisting(db, activities, items);
	return { fromYear: request.fromYear, toYear, items, ignored };
}

async function markExisting(
	db: Kysely<DB>,
	activities: readonly { id: string; ownerId: string; title: string }[],
	items: PreviewItem[]
): Promise<void> {
	const starts = items.flatMap((i) => (i.target ? [i.target.start] : []));
	if (starts.length === 0) return;
	const existing = await selectActivityStarts(
		db,
		[...new Set(activities.map((a) => a.ownerId))],
		[...new Set(starts)]
	);
	const keys = new Set(existing.map((e) => `${e.ownerId}|${e.title}|${e.startDate}`));
	items.forEach((item, index) => {
		const a = activities[index];
		// Under either title: copies made before titles rolled kept the old one.
		const rolled = [a.title, item.newTitle].map((t) => `${a.ownerId}|${t}|${item.target?.start}`);
		if (item.target && rolled.some((key) => keys.has(key))) {
			item.conflicts.push({ kind: 'exists' });
		}
	});
}

export interface RollForwardOutcome {
	toYear: string;
	created: number;
	/** Without a target (uge 53) or already there. */
	skipped: number;
	ignored: string[];
	createdIds: string[];
}

/**
 * Creates the previewed copies in one transaction: new ids, planned, sequence 0, no series. Each
 * copy is titled as edited in the preview (`titles` by source id), else with its years moved on.
 */
export async function applyRollForward(
	db: Kysely<DB>,
	user: Actor,
	request: {
		fromYear: string;
		activityIds: readonly string[];
		titles?: Readonly<Record<string, string>>;
	}
): Promise<RollForwardOutcome | null> {
	if (!isSchoolYearLabel(request.fromYear)) return null;
	return db.transaction().execute(async (trx) => {
		const preview = await previewRollForward(trx, user, request);
		if (!preview) return null;
		const rollable = preview.items.filter(
			(i) => i.target && !i.conflicts.some((c) => c.kind === 'exists')
		);
		const createdIds: string[] = [];
		if (rollable.length > 0) {
			const ids = rollable.map((i) => i.id);
			const { sources, participants } = await selectRollSources(trx, ids);
			const byId = new Map(sources.map((s) => [s.id, s]));
			for (const item of rollable) {
				const s = byId.get(item.id)!;
				const title = request.titles?.[item.id]?.trim() || item.newTitle;
				const id = await insertActivity(trx, {
					ownerId: s.ownerId,
					categoryId: s.categoryId,
					title,
					description: s.description,
					place: s.place,
					startDate: item.target!.start,
					endDate: item.target!.end,
					startTime: s.startTime,
					endTime: s.endTime,
					visibility: s.visibility,
					createdBy: user.id
				});
				createdIds.push(id);
				// One event per copy: each has its own owner, whose admins see it in their log.
				const summary = summaries.rolled(title, preview.toYear);
				await auditActivity(trx, user, 'create', { id, ownerId: s.ownerId, title }, summary);
				const orgs = participants.filter((p) => p.activityId === item.id);
				await insertParticipants(
					trx,
					[id],
					orgs.map((p) => p.organisationId)
				);
			}
		}
		return {
			toYear: preview.toYear,
			created: createdIds.length,
			skipped: preview.items.length - createdIds.length,
			ignored: preview.ignored,
			createdIds
		};
	});
}
