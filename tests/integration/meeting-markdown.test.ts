import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { renderMarkdown } from '../../src/lib/meetings/server/markdown';
import { saveMinutes } from '../../src/lib/meetings/server/meeting';
import MeetingPage from '../../src/routes/moeder/[id]/+page.svelte';
import * as detailPage from '../../src/routes/moeder/[id]/+page.server';
import { createTestDatabase } from '../helpers/db';
import { fakeEvent, useForRoutes } from './organisation.fixtures';
import { createMeetingWorld, makeMeeting, meetingRow } from './meeting-fixtures';

// Minutes are written by people, pasted from e-mails and Word; none of it may run in a reader's
// browser. Each attack below must come out as text or not at all.
const ATTACKS = [
	'<script>alert("xss")</script>',
	'<img src=x onerror="alert(1)">',
	'<svg onload=alert(1)><circle r="5"/></svg>',
	'<iframe src="https://evil.example"></iframe>',
	'<a href="javascript:alert(1)">klik</a>',
	'[klik](javascript:alert(1))',
	'[klik](JaVaScRiPt:alert(1))',
	'[klik](  javascript:alert(1))',
	'[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[vb](vbscript:msgbox(1))',
	'<javascript:alert(1)>',
	'![billede](x" onerror="alert(1))',
	'<div style="background:url(javascript:alert(1))">stil</div>',
	'<p onclick="alert(1)">raw html</p>',
	'<style>body{display:none}</style>'
].join('\n\n');

/** The tags and attributes in an HTML string (text content is ignored). */
function tags(html: string): string[] {
	return html.match(/<[a-z][^>]*>/gi) ?? [];
}

function expectInert(html: string) {
	for (const tag of tags(html)) {
		expect(tag).not.toMatch(
			/^<(script|img|svg|iframe|style|object|embed|form|input|link|meta|base)\b/i
		);
		expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
		expect(tag).not.toMatch(/\sstyle\s*=/i);
		expect(tag).not.toMatch(/(javascript|vbscript|data):/i);
	}
}

describe('markdown', () => {
	describe('renderMarkdown', () => {
		it('turns every attack into inert text', () => {
			const html = renderMarkdown(ATTACKS);
			expectInert(html);
			expect(html).not.toContain('<div');
			// Raw HTML is shown as text, so the reader sees what was pasted.
			expect(html).toContain('&lt;script&gt;alert("xss")&lt;/script&gt;');
		});

		it('keeps ordinary Markdown: headings, lists, emphasis, safe links and tables', () => {
			const html = renderMarkdown(
				'# Punkt 1\n\n- **Besluttet:** ja\n- [DI](https://di.dk)\n\n| Emne | Ansvar |\n|---|---|\n| Praktik | UU |'
			);
			expect(html).toContain('<h3>Punkt 1</h3>');
			expect(html).toContain('<strong>Besluttet:</strong>');
			expect(html).toContain('<a href="https://di.dk" rel="noopener noreferrer nofollow">DI</a>');
			expect(html).toContain('<th scope="col">Emne</th>');
		});

		it('renders nothing for empty text', () => {
			expect(renderMarkdown('  \n ')).toBe('');
		});
	});

	describe('meeting page', () => {
		let database: Database;
		beforeAll(async () => {
			database = await createTestDatabase();
			useForRoutes(database);
		});
		afterAll(async () => {
			await database?.close();
		});

		it('stores minutes as typed and shows them sanitised, script inert on the page', async () => {
			const world = await createMeetingWorld(database);
			const id = await makeMeeting(database, world, { agenda: ATTACKS });
			await saveMinutes(database.db, world.secretariat, id, `# Referat\n\n${ATTACKS}`);
			// Sanitised on output: the stored text is what the secretariat typed.
			expect((await meetingRow(database.db, id)).minutes).toContain('<script>alert("xss")');

			const data = await detailPage.load(
				fakeEvent(`/moeder/${id}`, world.users.invitedMember, { id }) as never
			);
			const { body } = render(MeetingPage, {
				props: { data: { ...data, locale: 'da', user: world.users.invitedMember }, form: null }
			} as never);
			const article = body.slice(body.indexOf('<article'));
			expectInert(article);
			expect(article).toContain('<h3>Referat</h3>');
			expect(article).toContain('&lt;img src=x onerror=');
		});
	});
});
