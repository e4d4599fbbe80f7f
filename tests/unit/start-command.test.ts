import { describe, expect, it } from 'vitest';
import { parseStartScript, startCommand } from '../start-command';

describe('start-command', () => {
	describe('parseStartScript', () => {
		it('splits environment variables and node flags', () => {
			expect(
				parseStartScript('MALLOC_ARENA_MAX=1 node --max-semi-space-size=2 --no-foo build')
			).toEqual({ env: { MALLOC_ARENA_MAX: '1' }, flags: ['--max-semi-space-size=2', '--no-foo'] });
		});

		it('accepts plain node build', () => {
			expect(parseStartScript('node build')).toEqual({ env: {}, flags: [] });
		});

		it('refuses a script it cannot reproduce', () => {
			expect(() => parseStartScript('vite preview')).toThrow(/start script/);
			expect(() => parseStartScript('node build && echo done')).toThrow(/start script/);
			expect(() => parseStartScript('node server.js')).toThrow(/start script/);
		});
	});

	describe('startCommand', () => {
		// docs/OPERATIONS.md ("Memory") explains these; the benchmark measured the budget with them.
		it('keeps the memory settings that npm start runs the app with', () => {
			const { env, flags } = startCommand();
			expect(env.MALLOC_ARENA_MAX).toBe('1');
			expect(flags).toEqual(
				expect.arrayContaining([
					'--max-semi-space-size=2',
					'--wasm-num-compilation-tasks=1',
					'--liftoff-only'
				])
			);
		});
	});
});
