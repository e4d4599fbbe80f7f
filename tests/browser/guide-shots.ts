import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from '@playwright/test';
import sharp from 'sharp';

// The screenshots of docs/BRUGERVEJLEDNING.md are taken by the browser journey, so they show the
// app as it is. Only with GUIDE_SCREENSHOTS=1: a CI run must never rewrite tracked files.
// Refresh: npm run build && GUIDE_SCREENSHOTS=1 npx playwright test tests/browser/journey.spec.ts

const SHOTS = process.env.GUIDE_SCREENSHOTS === '1';
const IMG = 'docs/guide/img';

export interface Device {
	name: string;
	options: BrowserContextOptions;
	/** The screenshots this device takes for the guide, saved as <prefix><name>.png. */
	shots: 'all' | readonly string[];
	prefix: string;
}

export const DESKTOP: Device = {
	name: 'desktop (1280×800)',
	options: { viewport: { width: 1280, height: 800 } },
	shots: 'all',
	prefix: ''
};

export const PHONE: Device = {
	name: 'phone (375×812)',
	options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
	shots: ['offentligt-hjul', 'skole-booking'],
	prefix: 'mobil-'
};

export type Shot = (
	page: Page,
	name: string,
	at?: Locator | 'here',
	block?: ScrollLogicalPosition
) => Promise<void>;

/**
 * A viewport shot for the guide (never the full page, to keep it small): from the top of the
 * page, with `at` scrolled into view (to the top, or as `block` says), or 'here' where the page
 * already is.
 */
export function guideShots(device: Device): Shot {
	return async (page, name, at, block = 'start') => {
		if (!SHOTS || (device.shots !== 'all' && !device.shots.includes(name))) return;
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		if (at === undefined) await page.evaluate(() => window.scrollTo(0, 0));
		else if (at !== 'here') await at.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
		const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
		mkdirSync(IMG, { recursive: true });
		// A 256-colour palette keeps a screenshot of the app near a third of its size, same look.
		await sharp(png)
			.png({ palette: true, quality: 90, dither: 0, effort: 10, compressionLevel: 9 })
			.toFile(`${IMG}/${device.prefix}${name}.png`);
	};
}
