// Step 3 of `npm run bench`: booking throughput (issue 4's target: ≥ 300 bookings/s at
// concurrency 50 on PostgreSQL, seats exact). bench/booking.ts owns that measurement and exports
// nothing, so it runs as a child process on our build copy, port and scratch database, and its
// result line (RESULT_MARKER + JSON) is read back.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PORTS, SCRATCH_BOOKING_URL, fmt, type BudgetRow } from './budget-common';
import { ROOT } from './server';
import { load, RESULT_MARKER } from './stats';

interface BookingResult {
	median: number;
	p95: number;
	cpu?: number;
	runs: number;
	note?: string;
}

export async function measureBooking(appDir: string): Promise<BudgetRow[]> {
	const output: string[] = [];
	const code = await new Promise<number | null>((resolve) => {
		const child = spawn(
			process.execPath,
			[join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'bench/booking.ts'],
			{
				cwd: ROOT,
				env: {
					...process.env,
					BENCH_APP_DIR: appDir,
					BENCH_PORT: String(PORTS.booking),
					BENCH_BOOKING_DATABASE_URL: SCRATCH_BOOKING_URL
				},
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		const forward = () => child.kill('SIGINT');
		process.once('SIGINT', forward);
		child.on('close', (exit) => {
			process.off('SIGINT', forward);
			resolve(exit);
		});
	});
	const text = output.join('');
	for (const line of text.split('\n')) {
		if (line && !line.startsWith(RESULT_MARKER)) console.log(`  ${line}`);
	}
	const marker = text.split('\n').find((line) => line.startsWith(RESULT_MARKER));
	const parsed: BookingResult | null = marker
		? JSON.parse(marker.slice(RESULT_MARKER.length))
		: null;
	// Fall back on the human line if the result line changes shape.
	const perSecond = parsed
		? 1000 / parsed.median
		: Number(text.match(/(\d+(?:\.\d+)?) requests\/s/)?.[1] ?? NaN);
	const seats = text.match(/Seats taken afterwards: (\d+) of (\d+)/);
	const exact = seats !== null && seats[1] === seats[2] && /\(exact\)/.test(text);
	return [
		{
			step: 'booking',
			engine: 'PostgreSQL',
			measure: 'Bookings, 1,000 requests at concurrency 50 (bench/booking.ts)',
			target: '≥ 300/s, seats exact',
			result:
				`${fmt(perSecond)}/s` +
				(parsed ? ` (p95 ${fmt(parsed.p95)} ms, cpu ${fmt(parsed.cpu ?? NaN, 2)} ms/req)` : '') +
				`, seats ${seats ? `${seats[1]}/${seats[2]}` : '?'}` +
				(code === 0 ? '' : `; booking.ts exited with ${code}`),
			pass: perSecond >= 300 && exact && code === 0,
			figures: {
				perSecond,
				p95: parsed?.p95 ?? NaN,
				cpuPerRequest: parsed?.cpu ?? NaN,
				exact: String(exact),
				exitCode: String(code)
			},
			load: load()
		}
	];
}
