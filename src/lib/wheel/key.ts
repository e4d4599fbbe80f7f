import type { Locale } from '$lib/platform/dates/weeks';
import { accessibleNamer, type NamedSpan } from './labels';
import type { LabelLayout } from './label-placement';

export interface KeyEntry {
	/** The number on the wheel; null in the full list for an arc that carries its title. */
	number: number | null;
	id: string;
	/** 'Erhvervspraktik, 8.–12. februar 2027, uge 6'. */
	text: string;
	/** The title alone (the start of `text`), so a narrow list can cut it and keep the dates. */
	title?: string;
	/** Where its arc leads. */
	href: string;
}

/**
 * The id of the key entry for number `n` on the page: the arc with that number is named by it.
 * None for an entry without a number (an arc that carries its own title).
 */
export function keyEntryDomId(n: number): string;
export function keyEntryDomId(n: number | null): string | undefined;
export function keyEntryDomId(n: number | null): string | undefined {
	return n === null ? undefined : `wheel-key-${n}`;
}

/** The numbers a key explains, for the wheel beside it (Wheel's `keyNumbers`). */
export function numbersIn(entries: readonly KeyEntry[]): Set<number> {
	return new Set(entries.flatMap((entry) => (entry.number === null ? [] : [entry.number])));
}

/** The list the wheel's numbers point to, in number order (the order of the year). */
export function keyEntries(
	labels: LabelLayout,
	activities: ReadonlyMap<string, NamedSpan & { href?: string }>,
	locale: Locale
): KeyEntry[] {
	const namer = accessibleNamer(locale);
	return labels.numbered.flatMap(({ id, number }) => {
		const activity = activities.get(id);
		if (!activity) return [];
		const href = activity.href ?? `/aktiviteter/${id}`;
		return [{ number, id, text: namer.name(activity), title: activity.title, href }];
	});
}

/**
 * Every activity of the wheel in the order given (the order of the year), each with its number
 * when the wheel shows one: the list a printout or an export carries beside the wheel, so that a
 * wall copy reads without a screen.
 */
export function listEntries(
	labels: LabelLayout,
	activities: readonly (NamedSpan & { id: string; href?: string })[],
	locale: Locale
): KeyEntry[] {
	const numbers = new Map(labels.numbered.map(({ id, number }) => [id, number]));
	const namer = accessibleNamer(locale);
	return activities
		.filter((activity) => labels.byId.has(activity.id))
		.map((activity) => ({
			number: numbers.get(activity.id) ?? null,
			id: activity.id,
			text: namer.name(activity),
			title: activity.title,
			href: activity.href ?? `/aktiviteter/${activity.id}`
		}));
}
