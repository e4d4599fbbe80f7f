/** Inclusive bounds: 'YYYY-MM-DD' dates, or day numbers. */
type Bound = string | number;

export interface LaneItem<B extends Bound = string> {
	start: B;
	end: B;
}

export interface LanePacking {
	/** The lane of each item, in the order of the items given. */
	lanes: number[];
	laneCount: number;
}

/** A binary min-heap; small enough to keep here rather than pull in a package. */
class MinHeap<T> {
	private readonly items: T[] = [];
	constructor(private readonly less: (a: T, b: T) => boolean) {}

	get size(): number {
		return this.items.length;
	}

	peek(): T | undefined {
		return this.items[0];
	}

	push(item: T): void {
		const items = this.items;
		items.push(item);
		let index = items.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!this.less(items[index], items[parent])) break;
			[items[index], items[parent]] = [items[parent], items[index]];
			index = parent;
		}
	}

	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last !== undefined) {
			items[0] = last;
			let index = 0;
			for (;;) {
				const left = 2 * index + 1;
				const right = left + 1;
				let smallest = index;
				if (left < items.length && this.less(items[left], items[smallest])) smallest = left;
				if (right < items.length && this.less(items[right], items[smallest])) smallest = right;
				if (smallest === index) break;
				[items[index], items[smallest]] = [items[smallest], items[index]];
				index = smallest;
			}
		}
		return top;
	}
}

interface BusyLane<B extends Bound> {
	lane: number;
	end: B;
}

/**
 * Greedy interval partitioning: items sorted by start, longer first, each takes the lowest lane
 * free since before its start. Uses the fewest lanes possible, in O(n log n).
 * 'YYYY-MM-DD' strings compare correctly as plain strings, across months and New Year alike;
 * day numbers work the same way.
 */
export function packLanes<B extends Bound = string>(items: readonly LaneItem<B>[]): LanePacking {
	const order = items
		.map((_, index) => index)
		.sort((i, j) => {
			const a = items[i];
			const b = items[j];
			return a.start !== b.start
				? a.start < b.start
					? -1
					: 1
				: a.end !== b.end
					? a.end > b.end
						? -1
						: 1
					: i - j;
		});
	const busy = new MinHeap<BusyLane<B>>(
		(a, b) => a.end < b.end || (a.end === b.end && a.lane < b.lane)
	);
	const free = new MinHeap<number>((a, b) => a < b);
	const lanes = new Array<number>(items.length);
	let laneCount = 0;
	for (const index of order) {
		const item = items[index];
		// Spans are inclusive, so a lane is free only when its last item ended before this start day.
		while (busy.size > 0 && busy.peek()!.end < item.start) free.push(busy.pop()!.lane);
		const lane = free.size > 0 ? free.pop()! : laneCount++;
		busy.push({ lane, end: item.end });
		lanes[index] = lane;
	}
	return { lanes, laneCount };
}
