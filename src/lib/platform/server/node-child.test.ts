import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELPER_LOOP, HelperProcess } from './node-child';

// A helper that doubles numbers, refuses negatives, and dies on request.
const SOURCE = `
const factor = Number(process.env.FACTOR);
function handle(n) {
	if (n === 'die') process.exit(3);
	if (n < 0) throw new Error('negative: ' + n);
	return n * factor;
}
${HELPER_LOOP}`;

/** The helper above, multiplying by `factor`, ended after `idleMs` without requests. */
const doubler = (factor: number, idleMs: number) =>
	new HelperProcess<number | string, number>(
		'Doubler',
		SOURCE,
		() => ({ FACTOR: String(factor) }),
		idleMs
	);

describe('platform/node-child HelperProcess', () => {
	it('answers requests in a process of its own, with the environment it was given', async () => {
		const helper = doubler(2, 1_000);
		expect(await Promise.all([helper.request(2), helper.request(21)])).toEqual([4, 42]);
		expect(helper.lastPid).toBeGreaterThan(0);
		expect(helper.lastPid).not.toBe(process.pid);
	});

	it('passes an error thrown in the helper back to the caller, and goes on answering', async () => {
		const helper = doubler(2, 1_000);
		await expect(helper.request(-1)).rejects.toThrow('Doubler failed: negative: -1');
		expect(await helper.request(5)).toBe(10);
	});

	it('fails the requests of a helper that died, and starts a new one for the next', async () => {
		const helper = doubler(3, 1_000);
		expect(await helper.request(1)).toBe(3);
		const first = helper.lastPid;
		await expect(helper.request('die')).rejects.toThrow('Doubler exited with code 3');
		expect(await helper.request(2)).toBe(6);
		expect(helper.lastPid).not.toBe(first);
	});

	it('ends an idle helper, and starts it again when asked', async () => {
		const helper = doubler(2, 50);
		expect(await helper.request(1)).toBe(2);
		const first = helper.lastPid;
		const alive = () => {
			try {
				process.kill(first, 0);
				return true;
			} catch {
				return false;
			}
		};
		await expect.poll(alive, { timeout: 5_000 }).toBe(false);
		expect(await helper.request(4)).toBe(8);
		expect(helper.lastPid).not.toBe(first);
	});

	it('keeps a script alive while it waits for an answer (a benchmark, not only a server)', () => {
		const module = fileURLToPath(new URL('./node-child.ts', import.meta.url));
		const script = `
			import { HELPER_LOOP, HelperProcess } from ${JSON.stringify(module)};
			const helper = new HelperProcess('Echo', 'function handle(x) { return x; }' + HELPER_LOOP, () => ({}), 100);
			console.log(await helper.request('answered'));
		`;
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', script],
			{
				encoding: 'utf8',
				timeout: 30_000
			}
		);
		expect(out.trim()).toBe('answered');
	});
});
