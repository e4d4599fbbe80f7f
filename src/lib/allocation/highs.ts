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
