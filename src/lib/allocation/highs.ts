// HiGHS, the LP/MIP solver (WebAssembly), as the allocation uses it: LP text in, named columns and
// rows with their values and duals out.

export interface HighsResult {
	Status: string;
	ObjectiveValue: number;
	Columns: Record<string, { Primal?: number }>;
	Rows?: { Name: string; Dual?: number }[];
}

/**
 * A HiGHS to solve with: in this process (loadHighs) or in a helper process of its own
 * (allocation/server's solverProcess, which the server uses so that the solver's memory is never
 * the server's). Asynchronous either way.
 */
export interface Highs {
	solve(problem: string, options?: Record<string, unknown>): Promise<HighsResult>;
}

interface HighsModule {
	solve(problem: string, options?: Record<string, unknown>): HighsResult;
}

let loader: Promise<HighsModule> | null = null;
let release: ReturnType<typeof setTimeout> | null = null;
/** How long a loaded HiGHS is kept after it was last asked for. */
const KEEP_MS = 60_000;

/**
 * HiGHS in this process, loaded on first use and kept while allocations follow one another (the
 * WebAssembly module takes a moment to compile). A minute after the last use it is let go: its
 * memory (~20 MB, and what a large round made it grow to) is then the garbage collector's, not
 * held for an allocation that may come weeks later (docs/BENCHMARKS.md, "Server memory with the
 * demo data").
 */
export async function loadHighs(): Promise<Highs> {
	const highs = await loadHighsModule();
	return { solve: async (problem, options) => highs.solve(problem, options) };
}

function loadHighsModule(): Promise<HighsModule> {
	loader ??= import('highs').then((mod) => mod.default() as unknown as Promise<HighsModule>);
	if (release) clearTimeout(release);
	release = setTimeout(() => {
		loader = null;
		release = null;
	}, KEEP_MS);
	release.unref();
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
