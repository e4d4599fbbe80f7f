import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_USER, SCHOOL_USER, SECRETARIAT_USER, copyBuild, login, startApp } from './app';
import { get, makeFeed, postForm, sessionSet, unknownToken, until } from './http';
import type { Scratch } from './databases';
import { scratchFor } from './scratch';
import { withDatabase } from './world';

// Issue 7: session tokens, invitation and reset links and feed addresses never reach the logs.
// The built app runs twice on one fresh embedded data folder with its stdout and stderr
// captured: first without NODE_ENV and with SMTP_URL on a port where nothing listens (every mail
// fails and is logged), then with NODE_ENV=production and the defaults (the outbox, no SMTP).
// Every kind of token is made, used, and sent where it should fail — including mangled URLs,
// which the app logs as errors. Afterwards no token, nor half of a session token, is in the output.

const PORTS = { first: 4370, second: 4371 } as const;
/** Nothing listens here: connecting is refused at once. */
const DEAD_SMTP = 'smtp://127.0.0.1:4379';
const COMPANY_SLUG = 'bygholm-staal';
const RESET_USER = 'medarbejder@aarshjul.example';
const SECOND_RESET_USER = 'laerer@aarshjul.example';
const INVITED = 'ny.kollega@aarshjul.example';
const NEW_PASSWORD = 'Ny-adgangskode-til-loggen-7';
const TOKEN = /[a-z2-7]{32}/;

const build = copyBuild();
let scratch: Scratch | undefined;
afterAll(async () => {
	await scratch?.remove();
	build.remove();
});

describe('tokens never appear in the logs', () => {
	let output = '';
	const secrets = new Map<string, string>();
	const statuses: Record<string, number> = {};

	/** Remembers a token to look for; a session token also by its halves. */
	function remember(label: string, token: string) {
		expect(token, label).toMatch(TOKEN);
		secrets.set(label, token);
		const [id, secret] = token.split('.');
		if (secret) {
			secrets.set(`${label} (id)`, id);
			secrets.set(`${label} (secret)`, secret);
		}
	}

	/** Requests made to fail; their statuses are checked below (never a 500). */
	async function provoke(label: string, response: Promise<Response>) {
		statuses[label] = (await response).status;
	}

	beforeAll(async () => {
		({ scratch } = await scratchFor('pglite', 'logs'));
		const target = scratch.target;
		const capture = { output: (text: string) => (output += text) };

		// First run: how a developer starts it (no NODE_ENV), with an unreachable mail server.
		const first = await startApp(build.dir, PORTS.first, target, {
			...capture,
			env: { NODE_ENV: undefined, QUIET_STARTUP: undefined, SMTP_URL: DEAD_SMTP }
		});
		try {
			const company = await login(first.origin, COMPANY_USER);
			remember('company session', company.replace(/^session=/, ''));
			expect((await get(first, '/', company)).status).toBe(200);
			// The reset mail goes out in the background; the invitation's is awaited.
			expect((await postForm(first, '/glemt-adgangskode', { email: RESET_USER })).status).toBe(200);
			const invite = await postForm(
				first,
				`/organisationer/${COMPANY_SLUG}/medlemmer?/invite`,
				{ email: INVITED, role: 'member' },
				company
			);
			expect(invite.status).toBe(200);
			const feed = await makeFeed(first, company);
			remember('company feed', feed);
			const ics = await get(first, `/feeds/${feed}.ics`);
			expect(ics.status).toBe(200);
			expect(await ics.text()).toContain('BEGIN:VCALENDAR');
			expect((await get(first, `/feeds/${feed}.ics`, '', 'HEAD')).status).toBe(200);

			const [id] = company.replace(/^session=/, '').split('.');
			const fails: [string, Promise<Response>][] = [
				['unknown feed', get(first, `/feeds/${unknownToken()}.ics`)],
				['mangled feed URL', get(first, `/feeds/${feed}.ics%`)],
				['unknown reset link', get(first, `/nulstil/${unknownToken()}`)],
				['unknown invitation', get(first, `/invitation/${unknownToken()}`)],
				['wrong session secret', get(first, '/feeds', `session=${id}.${unknownToken()}`)],
				['malformed session cookie', get(first, '/feeds', 'session=%E0%A4%A.x')],
				['session token in a mangled URL', get(first, `/${company.slice(8)}%`, company)],
				[
					'JSON to a form action',
					fetch(`${first.origin}/feeds?/create`, {
						method: 'POST',
						headers: { cookie: company, origin: first.origin, 'content-type': 'application/json' },
						body: JSON.stringify({ card: 'user' })
					})
				]
			];
			for (const [label, response] of fails) await provoke(label, response);
			const failures = () => output.match(/mail: delivery of outbox message/g)?.length ?? 0;
			await until(() => failures() >= 2, 'the two failed mail deliveries to be logged');
		} finally {
			await first.stop();
		}

		// The links are only in the mails: read them from the outbox while no app holds the folder.
		const bodies = await withDatabase(target, (db) =>
			db.selectFrom('outbox').select(['toAddress', 'bodyText']).execute()
		);
		const linkIn = (to: string, path: string) => {
			const body = bodies.find((b) => b.toAddress === to)?.bodyText ?? '';
			const token = body.match(new RegExp(`/${path}/([a-z2-7]{32})`))?.[1];
			if (!token) throw new Error(`no /${path}/ link mailed to ${to}`);
			return token;
		};
		const reset = linkIn(RESET_USER, 'nulstil');
		const invitation = linkIn(INVITED, 'invitation');
		remember('reset link', reset);
		remember('invitation', invitation);

		// Second run: production with its defaults (start-up banner, mails kept in the outbox),
		// the outbox page switched on so the secretariat can read it.
		const second = await startApp(build.dir, PORTS.second, target, {
			...capture,
			env: {
				NODE_ENV: 'production',
				QUIET_STARTUP: undefined,
				SMTP_URL: undefined,
				OUTBOX_PAGE: 'true'
			}
		});
		try {
			await provoke('mangled reset link', get(second, `/nulstil/${reset}%`));
			await provoke('mangled invitation', get(second, `/invitation/${invitation}%E0`));
			expect((await get(second, `/nulstil/${reset}`)).status).toBe(200);
			const password = { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
			const resetDone = await postForm(second, `/nulstil/${reset}`, password);
			expect(resetDone.status).toBe(303);
			remember('session after reset', sessionSet(resetDone));
			await provoke('used reset link', get(second, `/nulstil/${reset}`));

			expect((await get(second, `/invitation/${invitation}`)).status).toBe(200);
			const fields = { name: 'Ny Kollega', ...password };
			const accepted = await postForm(second, `/invitation/${invitation}`, fields);
			expect(accepted.status).toBe(303);
			remember('session after invitation', sessionSet(accepted));
			await provoke('used invitation', get(second, `/invitation/${invitation}`));

			// Without SMTP the outbox page shows the secretariat the mail and its link.
			const school = await login(second.origin, SCHOOL_USER);
			remember('school session', school.replace(/^session=/, ''));
			const secretariat = await login(second.origin, SECRETARIAT_USER);
			remember('secretariat session', secretariat.replace(/^session=/, ''));
			await postForm(second, '/glemt-adgangskode', { email: SECOND_RESET_USER });
			expect((await get(second, '/dev/outbox', school)).status).toBe(404);
			const outbox = await (await get(second, '/dev/outbox', secretariat)).text();
			const mail = outbox.split('<article').find((m) => m.includes(SECOND_RESET_USER));
			const secondReset = mail?.match(/\/nulstil\/([a-z2-7]{32})/)?.[1];
			if (!secondReset) throw new Error('no reset link on /dev/outbox');
			remember('reset link from the outbox', secondReset);
			const secondDone = await postForm(second, `/nulstil/${secondReset}`, password);
			expect(secondDone.status).toBe(303);
			remember('session after the second reset', sessionSet(secondDone));

			const schoolFeed = await makeFeed(second, school);
			remember('school feed', schoolFeed);
			expect((await get(second, `/feeds/${schoolFeed}.ics?ferier=1`)).status).toBe(200);
			await provoke('mangled feed query', get(second, `/feeds/${schoolFeed}.ics?%`));
			expect((await postForm(second, '/logout', {}, school)).status).toBe(303);
			await provoke('session after logout', get(second, '/feeds', school));
			await provoke('unknown feed (production)', get(second, `/feeds/${unknownToken()}.ics`));
		} finally {
			await second.stop();
		}
	});

	it('answers the provoked requests as a person would expect, without a 500', () => {
		expect(statuses).toEqual({
			'unknown feed': 404,
			'mangled feed URL': 400,
			'unknown reset link': 404,
			'unknown invitation': 404,
			'wrong session secret': 303,
			'malformed session cookie': 303,
			'session token in a mangled URL': 400,
			'JSON to a form action': 415,
			'mangled reset link': 400,
			'mangled invitation': 400,
			'used reset link': 404,
			'used invitation': 404,
			'mangled feed query': 200,
			'session after logout': 303,
			'unknown feed (production)': 404
		});
	});

	it('captured the output of both runs, errors and mail failures included', () => {
		for (const port of Object.values(PORTS)) {
			expect(output).toContain(`Årshjul kører på http://localhost:${port}`);
		}
		expect(
			output.match(/mail: delivery of outbox message \S+ failed: .*ECONNREFUSED/g)
		).toHaveLength(2);
		// The mangled URLs were logged as errors, their tokens blanked out.
		expect(output).toContain('Failed to decode URI: /feeds/[token].ics%');
		expect(output).toContain('Failed to decode URI: /nulstil/[token]%');
		expect(output).toContain('Form actions expect form-encoded data');
	});

	it('holds none of the tokens, nor half of a session token', () => {
		expect(secrets.size).toBeGreaterThanOrEqual(20);
		const leaked = [...secrets]
			.filter(([, value]) => output.includes(value))
			.map(([label]) => label);
		expect(leaked).toEqual([]);
	});
});
