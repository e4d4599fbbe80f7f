// The wheel page's activities as page data: rows of values instead of objects, category and owner
// as indexes into shared lists. For 2,000 activities this halves what SvelteKit serialises into
// the HTML (keys, category UUIDs and owner names no longer repeat on every row).
import type { WheelItem } from '$lib/wheel/server/items';
import { activityHref, type WheelBookingStatus } from './links';

type Row = [
	id: string,
	title: string,
	category: number,
	start: string,
	end: string,
	startTime: string | null,
	endTime: string | null,
	cancelled: 0 | 1,
	owner: number,
	/** 0 when the arc leads to the activity itself (most do). */
	href: string | 0,
	booking: WheelBookingStatus | 0
];

export interface PackedWheelItems {
	categoryIds: string[];
	owners: string[];
	rows: Row[];
}

function indexer(list: string[]): (value: string) => number {
	const index = new Map<string, number>();
	return (value) => {
		let i = index.get(value);
		if (i === undefined) {
			i = list.push(value) - 1;
			index.set(value, i);
		}
		return i;
	};
}

export function packWheelItems(items: readonly WheelItem[]): PackedWheelItems {
	const categoryIds: string[] = [];
	const owners: string[] = [];
	const category = indexer(categoryIds);
	const owner = indexer(owners);
	const rows = items.map((a): Row => [
		a.id,
		a.title,
		category(a.categoryId),
		a.start,
		a.end,
		a.startTime,
		a.endTime,
		a.cancelled ? 1 : 0,
		owner(a.ownerName),
		a.href === activityHref(a.id, null) ? 0 : a.href,
		a.booking ?? 0
	]);
	return { categoryIds, owners, rows };
}

export function unpackWheelItems(packed: PackedWheelItems): WheelItem[] {
	const { categoryIds, owners } = packed;
	return packed.rows.map(
		([id, title, category, start, end, startTime, endTime, cancelled, owner, href, booking]) => ({
			id,
			title,
			categoryId: categoryIds[category],
			start,
			end,
			startTime,
			endTime,
			cancelled: cancelled === 1,
			ownerName: owners[owner],
			href: href === 0 ? activityHref(id, null) : href,
			booking: booking === 0 ? null : booking
		})
	);
}
