// HiGHS, the LP/MIP solver (WebAssembly), as the allocation uses it: LP text in, named columns and
// rows with their values and duals out.

export interface HighsResult {
	Status: string;
	ObjectiveValue: number;
	Columns: Record<string, { Primal?: number }>;
	Rows?: { Name: string; Dual?: number }[];
}

export interface Highs {
	solve(problem: string, options?: Record<string, unknown>): HighsResult;
}

let loader: Promise<Highs> | null = null;

/** HiGHS is loaded once per process (the WebAssembly module takes a moment to compile). */
export async function loadHighs(): Promise<Highs> {
	loader ??= import('highs').then((mod) => mod.default() as unknown as Promise<Highs>);
	return loader;
}

/**
 * LP terms over several lines, twelve to a line: the LP reader has no trouble, and the text stays
 * readable. With ' + ' between them (the default) or ' ' for terms that carry their own sign.
 */
export function terms(parts: readonly string[], joiner = ' + '): string {
	const lines: string[] = [];
	for (let i = 0; i < parts.length; i += 12) lines.push(' ' + parts.slice(i, i + 12).join(joiner));
	return lines.join('\n' + (joiner === ' + ' ? ' + ' : joiner));
}
