import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RightsUser } from '../../src/lib/activities/server/policy';
import { loadWheel } from '../../src/lib/wheel/server/wheel';
import { escapeXml } from '../../src/lib/platform/server/xml-text';
import { GET as getSvg } from '../../src/routes/aarshjul/eksport.svg/+server';
import { GET as getPng } from '../../src/routes/aarshjul/eksport.png/+server';
import { load as loadPrint } from '../../src/routes/aarshjul/print/+page.server';
import { fakeLocals } from './organisation.fixtures';
import { useDemoDatabase } from './demo-fixtures';

const YEAR = '2026/27';
const ORIGIN = 'http://localhost:5173';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Handler = (event: never) => Response | Promise<Response>;

async function call(handler: Handler, path: string, search: string, user: RightsUser | null) {
	const url = new URL(`${ORIGIN}/aarshjul/${path}?${search}`);
	return handler({ url, locals: fakeLocals(user) } as never);
}

/**
 * Strict enough for what the exporter writes: every tag closed in order, attributes quoted,
 * no '<' or bare '&' in text or attribute values. Returns the first problem, or null.
 */
function xmlProblem(xml: string): string | null {
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
	const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
	const stack: string[] = [];
	let index = 0;
	while (index < body.length) {
		const next = body.indexOf('<', index);
		const text = body.slice(index, next === -1 ? undefined : next);
		if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) return `bare & in ${text}`;
		if (next === -1) break;
		tag.lastIndex = next;
		const match = tag.exec(body);
		if (!match) return `malformed tag at ${body.slice(next, next + 80)}`;
		const [, closing, name, attributes, selfClosing] = match;
		if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(attributes)) {
			return `bare & in <${name}${attributes}>`;
		}
		if (closing) {
			if (stack.pop() !== name) return `unexpected </${name}>`;
		} else if (!selfClosing) stack.push(name);
		index = tag.lastIndex;
	}
	return stack.length === 0 ? null : `unclosed <${stack.join('> <')}>`;
}

describe('wheel export', () => {
	const demo = useDemoDatabase({ routes: true });
	let secretariat: RightsUser;

	beforeAll(async () => {
		const user = await demo.db
			.selectFrom('appUser')
			.select('isSecretariat')
			.where('email', '=', 'sekretariat@aarshjul.example')
			.executeTakeFirstOrThrow();
		secretariat = { isSecretariat: user.isSecretariat, memberships: [] };
	});

	describe('GET /aarshjul/eksport.svg', () => {
		it('returns a well-formed standalone SVG with one link per visible activity', async () => {
			const response = await call(getSvg, 'eksport.svg', `year=${YEAR}`, null);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
			expect(response.headers.get('content-disposition')).toBe(
				'attachment; filename="aarshjul-2026-27.svg"'
			);
			const svg = await response.text();
			expect(svg.startsWith('<?xml')).toBe(true);
			expect(xmlProblem(svg)).toBeNull();
			expect(xmlProblem('<svg><g><text>a & b</text></g></svg>')).toMatch(/bare &/);
			expect(xmlProblem('<svg><g></svg>')).toMatch(/unexpected/);
			// resvg's XML parser is strict: it refuses a document that is not well-formed.
			expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
			const wheel = await loadWheel(demo.db, null, { year: YEAR });
			expect(wheel.activities.length).toBeGreaterThan(10);
			expect(svg.match(/<a /g)).toHaveLength(wheel.activities.length);
			expect(svg.match(/<path class="fill"/g)).toHaveLength(wheel.activities.length);
			expect(svg).toContain('Årshjul for skoleåret 2026/27');
			expect(svg).toContain(`href="${ORIGIN}/aktiviteter/`);
			expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
			expect(svg).toContain('>Forklaring</text>');
		});

		it('lists every activity with its dates and week beside the wheel, and follows the zoom', async () => {
			const svg = await (await call(getSvg, 'eksport.svg', `year=${YEAR}`, null)).text();
			const wheel = await loadWheel(demo.db, null, { year: YEAR });
			expect(svg).toContain('Alle aktiviteter med datoer og uger');
			const list = svg.slice(svg.indexOf('<g class="key"'));
			for (const activity of wheel.activities) {
				const line = escapeXml(activity.title.slice(0, 8));
				expect(list, activity.title).toContain(line);
			}
			expect(list.match(/uge \d+/g)!.length).toBeGreaterThanOrEqual(wheel.activities.length);
			// Beside the wheel: the list's first line is right of the wheel and above its bottom.
			const inner = /<svg x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
			const [wheelRight, wheelBottom] = [inner[1] + inner[3], inner[2] + inner[4]];
			const first = /<text x="([\d.]+)" y="([\d.]+)"/.exec(list)!.map(Number);
			expect(first[1]).toBeGreaterThan(wheelRight);
			expect(first[2]).toBeLessThan(wheelBottom);
			// The ring names are on the wheel itself.
			expect(svg).toContain('data-label="ring"');

			const zoomed = await (
				await call(getSvg, 'eksport.svg', `year=${YEAR}&zoom=maaned&fra=2027-02`, null)
			).text();
			expect(zoomed).toContain('Årshjul for skoleåret 2026/27: februar 2027');
			const bad = await call(getSvg, 'eksport.svg', `year=${YEAR}&zoom=maaned&fra=2030-01`, null);
			expect(bad.status).toBe(400);
			expect(await bad.text()).toMatch(/Ugyldig måned/);
		});

		it('leaves another organisation’s private activity out of an anonymous export', async () => {
			const anonymous = await (await call(getSvg, 'eksport.svg', `year=${YEAR}`, null)).text();
			const insider = await (await call(getSvg, 'eksport.svg', `year=${YEAR}`, secretariat)).text();
			expect(anonymous).not.toContain('Sekretariatsmøde');
			expect(insider).toContain('Sekretariatsmøde');
			expect(insider.match(/<a /g)!.length).toBeGreaterThan(anonymous.match(/<a /g)!.length);
		});

		it('writes the filters in words and draws only the filtered activities', async () => {
			const response = await call(getSvg, 'eksport.svg', `year=${YEAR}&pillar=rekruttering`, null);
			const svg = await response.text();
			expect(svg).toContain('Søjle: Rekruttering');
			const wheel = await loadWheel(demo.db, null, {
				year: YEAR,
				filters: { pillar: 'rekruttering', categoryIds: [] }
			});
			expect(svg.match(/<a /g)).toHaveLength(wheel.activities.length);
			const all = await (await call(getSvg, 'eksport.svg', `year=${YEAR}`, null)).text();
			expect(all).toContain('Alle aktiviteter (ingen filtre)');
		});

		it('answers a bad year with 400 and a Danish message', async () => {
			for (const year of ['2026-27', 'abc', '1800/01']) {
				const response = await call(getSvg, 'eksport.svg', `year=${year}`, null);
				expect(response.status).toBe(400);
				expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
				expect(await response.text()).toMatch(/^Ugyldigt skoleår/);
			}
		});
	});

	describe('GET /aarshjul/eksport.png', () => {
		it('returns a PNG of the requested width', async () => {
			const response = await call(getPng, 'eksport.png', `year=${YEAR}&width=1200`, null);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/png');
			expect(response.headers.get('content-disposition')).toBe(
				'attachment; filename="aarshjul-2026-27.png"'
			);
			const png = Buffer.from(await response.arrayBuffer());
			expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
			expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
			expect(png.readUInt32BE(16)).toBe(1200);
			// Landscape: the wheel with its label columns, then the legend beside it.
			expect(png.readUInt32BE(20)).toBeGreaterThan(600);
			expect(png.readUInt32BE(20)).toBeLessThan(1200);
		});

		it('answers a bad year with 400, not 500', async () => {
			const response = await call(getPng, 'eksport.png', 'year=2026/99', null);
			expect(response.status).toBe(400);
			expect(await response.text()).toMatch(/^Ugyldigt skoleår/);
		});
	});

	describe('print page load', () => {
		it('gives the wheel, the filters in words and the date; a bad year is a 400', async () => {
			const url = new URL(`${ORIGIN}/aarshjul/print?year=${YEAR}&pillar=rekruttering`);
			const data = (await loadPrint({ url, locals: fakeLocals(null) } as never))!;
			expect(data.year).toBe(YEAR);
			expect(data.filterWords).toBe('Søjle: Rekruttering');
			expect(data.generated).toMatch(/^\d+\. \p{L}+ \d{4}$/u);
			const bad = new URL(`${ORIGIN}/aarshjul/print?year=2026-27`);
			await expect(
				loadPrint({ url: bad, locals: fakeLocals(null) } as never)
			).rejects.toMatchObject({
				status: 400,
				body: { message: expect.stringMatching(/^Ugyldigt/) }
			});
		});
	});
});
