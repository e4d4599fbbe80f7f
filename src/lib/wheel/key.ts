import type { Locale } from '$lib/platform/dates/weeks';
import { accessibleNameOf, type NamedSpan } from './labels';
import type { LabelLayout } from './label-placement';

export interface KeyEntry {
	number: number;
	id: string;
	/** 'Erhvervspraktik, 8.–12. februar 2027, uge 6'. */
	text: string;
	/** Where its arc leads. */
	href: string;
}

/** The list the wheel's numbers point to, in number order (the order of the year). */
export function keyEntries(
	labels: LabelLayout,
	activities: ReadonlyMap<string, NamedSpan & { href?: string }>,
	locale: Locale
): KeyEntry[] {
	return labels.numbered.flatMap(({ id, number }) => {
		const activity = activities.get(id);
		if (!activity) return [];
		const href = activity.href ?? `/aktiviteter/${id}`;
		return [{ number, id, text: accessibleNameOf(activity, locale), href }];
	});
}
