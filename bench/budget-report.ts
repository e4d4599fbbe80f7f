// The machine, the summary table (terminal and Markdown) and bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BudgetRow } from './budget-common';
import { ROOT } from './server';

export interface Machine {
	nproc: number;
	memoryGiB: number;
	cpuModel: string;
	node: string;
}

export function describeMachine(): Machine {
	const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
	const meminfo = readFileSync('/proc/meminfo', 'utf8');
	let nproc = availableParallelism();
	try {
		nproc = Number(execFileSync('nproc').toString().trim()) || nproc;
	} catch {
		// nproc is coreutils; availableParallelism() says the same where it is missing
	}
	return {
		nproc,
		memoryGiB: Number(meminfo.match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 2 ** 20,
		cpuModel: cpuinfo.match(/model name\s*:\s*(.+)/)?.[1]?.trim() ?? 'unknown',
		node: process.version
	};
}

const verdict = (pass: boolean | null) => (pass === null ? '–' : pass ? 'pass' : 'MISS');

function cells(rows: BudgetRow[]): string[][] {
	return rows.map((r) => [`${r.measure} [${r.engine}]`, r.target, r.result, verdict(r.pass)]);
}

const HEADER = ['measure', 'target', 'result', 'pass/miss'];

export function terminalTable(rows: BudgetRow[]): string {
	const body = cells(rows);
	const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The same table for docs/BENCHMARKS.md (pass/miss in bold when missed). */
export function markdownTable(rows: BudgetRow[]): string {
	const body = cells(rows).map((c) => [c[0], c[1], c[2], c[3] === 'MISS' ? '**miss**' : c[3]]);
	const line = (c: string[]) => `| ${c.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
	return [line(HEADER), '| --- | --- | --- | --- |', ...body.map(line)].join('\n');
}

export interface RunRecord {
	startedAt: string;
	finishedAt: string;
	build: {
		dir: string;
		builtAt: string;
		head: string;
		nodeFlags: string;
		env: Record<string, string>;
	};
	machine: Machine;
	loadBefore: string;
	loadAfter: string;
	engines: string[];
	skipped: string[];
	rows: BudgetRow[];
}

export function writeResults(record: RunRecord): string {
	const dir = join(ROOT, 'bench', 'results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'latest.json');
	writeFileSync(file, JSON.stringify(record, null, '\t') + '\n');
	return file;
}
