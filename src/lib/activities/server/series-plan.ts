import type { Occurrence } from '$lib/wheel';

export interface ExistingOccurrence {
	id: string;
	occurrenceKey: string | null;
	detached: boolean;
}

export interface SeriesSyncPlan {
	/** Rows kept (same id, so calendar clients see the same event moved). */
	update: { id: string; occurrence: Occurrence }[];
	insert: Occurrence[];
	delete: string[];
}

/**
 * How a changed series maps onto its materialised rows. A new occurrence keeps the row with the
 * same date if there is one; otherwise it takes the row that held the same position in the old
 * series (uge 6 of 2028 becomes uge 7 of 2028 and keeps its id). A detached row is never changed
 * and still stands for its position, so no duplicate is made next to it. Keys assigned by position
 * are new dates no row held before, so the unique (series_id, occurrence_key) index never clashes.
 */
export function planSeriesSync(
	existing: readonly ExistingOccurrence[],
	oldKeys: readonly string[],
	next: readonly Occurrence[]
): SeriesSyncPlan {
	const byKey = new Map(existing.filter((r) => r.occurrenceKey).map((r) => [r.occurrenceKey!, r]));
	const oldIndex = new Map(oldKeys.map((key, index) => [key, index]));
	const byPosition = new Map<number, ExistingOccurrence>();
	for (const row of existing) {
		const index = row.occurrenceKey === null ? undefined : oldIndex.get(row.occurrenceKey);
		if (index !== undefined) byPosition.set(index, row);
	}
	const nextKeys = new Set(next.map((o) => o.occurrenceKey));
	const used = new Set<string>();
	const plan: SeriesSyncPlan = { update: [], insert: [], delete: [] };
	next.forEach((occurrence, index) => {
		const same = byKey.get(occurrence.occurrenceKey);
		if (same) {
			used.add(same.id);
			if (!same.detached) plan.update.push({ id: same.id, occurrence });
			return;
		}
		const previous = byPosition.get(index);
		// A row kept by its own date elsewhere in the new series is not moved here.
		const free =
			previous &&
			!used.has(previous.id) &&
			!(previous.occurrenceKey && nextKeys.has(previous.occurrenceKey));
		if (free && previous.detached) {
			used.add(previous.id);
			return;
		}
		if (free) {
			used.add(previous.id);
			plan.update.push({ id: previous.id, occurrence });
			return;
		}
		plan.insert.push(occurrence);
	});
	for (const row of existing) {
		if (!row.detached && !used.has(row.id)) plan.delete.push(row.id);
	}
	return plan;
}
