// How `npm start` runs the built app (package.json's start script: environment variables, node
// flags), so that the browser tests, the durability tests and the benchmarks start it exactly as
// production does. docs/OPERATIONS.md says why each setting is there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface StartCommand {
	/** Environment variables set before node, e.g. { MALLOC_ARENA_MAX: '1' }. */
	env: Record<string, string>;
	/** Flags given to node before `build`. */
	flags: string[];
}

/** Parses "[NAME=value …] node [--flag[=value] …] build"; anything else is an error. */
export function parseStartScript(script: string): StartCommand {
	const match = /^((?:[A-Z_][A-Z0-9_]*=\S+ )*)node((?: --[a-z0-9-]+(?:=\S+)?)*) build$/.exec(
		script.trim()
	);
	if (!match) {
		throw new Error(
			`package.json's start script is not "[NAME=value] node [--flags] build": ${script}`
		);
	}
	const env = Object.fromEntries(
		match[1]
			.split(' ')
			.filter(Boolean)
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
	);
	return { env, flags: match[2].split(' ').filter(Boolean) };
}

/** `npm start`'s environment and node flags, read from package.json. */
export function startCommand(root = ROOT): StartCommand {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	return parseStartScript(pkg.scripts.start);
}
