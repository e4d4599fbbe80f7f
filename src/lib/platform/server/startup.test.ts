import { describe, expect, it } from 'vitest';
import { demoDataWanted, firstAdminHint } from './startup';

describe('startup', () => {
	describe('demoDataWanted', () => {
		it('seeds in development unless DEMO_DATA=false', () => {
			expect(demoDataWanted({}, false)).toBe(true);
			expect(demoDataWanted({ DEMO_DATA: 'false' }, false)).toBe(false);
		});

		it('does not seed the built app or NODE_ENV=production unless DEMO_DATA=true', () => {
			expect(demoDataWanted({}, true)).toBe(false);
			expect(demoDataWanted({ NODE_ENV: 'production' }, false)).toBe(false);
			expect(demoDataWanted({ DEMO_DATA: 'yes' }, true)).toBe(false);
			expect(demoDataWanted({ DEMO_DATA: 'true' }, true)).toBe(true);
			expect(demoDataWanted({ DEMO_DATA: 'true', NODE_ENV: 'production' }, true)).toBe(true);
		});
	});

	describe('firstAdminHint', () => {
		it('names the command, and on the embedded engine says to stop the app first', () => {
			expect(firstAdminHint('postgres').join('\n')).toContain('npm run admin:create -- --email');
			expect(firstAdminHint('postgres').join('\n')).not.toContain('stop appen');
			expect(firstAdminHint('pglite').join('\n')).toContain('stop appen først');
		});
	});
});
