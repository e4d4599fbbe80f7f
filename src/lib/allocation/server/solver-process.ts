import { createRequire } from 'node:module';
import { HELPER_LOOP, HelperProcess } from '../../platform/server/node-child';
import type { Highs, HighsResult } from '../highs';

// HiGHS for the server, in a helper process of its own (code in a string, see platform's
// HelperProcess; it loads the highs package from the path the server resolved). In the server
// itself the solver's WebAssembly memory (~17 MB, more after a large round) raised the demo
// server's RSS over its 250 MB budget at every allocation (docs/BENCHMARKS.md, "Server memory
// with the demo data"); a process that exits gives it all back, and a runaway solve cannot take
// the server with it. The solver is kept a minute after its last use, as allocations tend to
// follow one another (run, adjust, rerun).
const SOLVER_SOURCE = `
const { highsPath } = JSON.parse(process.env.AARSHJUL_HIGHS);
let solver = null;
async function handle({ problem, options }) {
	solver ??= await require(highsPath)();
	return solver.solve(problem, options);
}
${HELPER_LOOP}`;

const helper = new HelperProcess<
	{ problem: string; options?: Record<string, unknown> },
	HighsResult
>(
	'Allocation solver',
	SOLVER_SOURCE,
	() => ({
		AARSHJUL_HIGHS: JSON.stringify({
			highsPath: createRequire(import.meta.url).resolve('highs')
		})
	}),
	60_000
);

/** HiGHS in its helper process: what the server's allocations solve with. */
export const solverProcess: Highs = {
	solve: (problem, options) => helper.request({ problem, options })
};

/** For tests: the process that solved last (not the server's own). */
export function lastSolverPid(): number {
	return helper.lastPid;
}
