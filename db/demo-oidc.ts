import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// oidc-provider warns, on stderr and in words that read like errors, that this is a quick-start
// setup: in-memory storage, keys made at start, and Node 20 rather than 22. All true and all meant
// for this local demo, so its warnings are left out of a newcomer's terminal; anything else it
// prints is kept. Imported here, after the filter, because it warns as it loads.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
	if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
	warn(...args);
};
const { default: Provider } = await import('oidc-provider');

// `npm run demo`: a local OpenID provider with demo identities next to the dev server, so a
// newcomer can try "Log ind med Demo-login" without a real broker. Development only: it listens
// on 127.0.0.1, its signing key is made at start, and it refuses to run with NODE_ENV=production.
// Not started when OIDC_PROVIDERS is set (real providers are configured then).

const CLIENT_ID = 'aarshjul-demo';
const CLIENT_SECRET = 'demo-secret-only-for-localhost';
const APP_PORT = Number(process.env.PORT ?? 5173);
const APP = `http://localhost:${APP_PORT}`;

/** Who can log in at the demo provider: a teacher to link, a company person, a stranger. */
const IDENTITIES: Record<string, { name: string; email: string; cvr?: string; org_name?: string }> =
	{
		'demo-laerer': { name: 'Lærer (demo)', email: 'laerer@aarshjul.example' },
		'demo-smed': {
			name: 'Smed Søren (demo)',
			email: 'soeren@bygholm.example',
			cvr: '12345678',
			org_name: 'Bygholm Stål ApS'
		},
		'demo-fremmed': { name: 'Fremmed Frida (demo)', email: 'frida@example.dk' }
	};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function startProvider(): Promise<string> {
	const server = createServer();
	const port = Number(process.env.DEMO_OIDC_PORT ?? 5174);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [`${APP}/login/oidc/demo/callback`],
				post_logout_redirect_uris: [`${APP}/`],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		cookies: { keys: [crypto.randomUUID()] },
		pkce: { required: () => true },
		conformIdTokenClaims: false,
		scopes: ['openid', 'email', 'profile', 'company'],
		claims: { openid: ['sub'], email: ['email'], profile: ['name'], company: ['cvr', 'org_name'] },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, sub) =>
			IDENTITIES[sub] ? { accountId: sub, claims: () => ({ sub, ...IDENTITIES[sub] }) } : undefined
	});
	const callback = provider.callback();
	server.on('request', async (req, res) => {
		if (!req.url?.startsWith('/interaction/')) return callback(req, res);
		try {
			const details = await provider.interactionDetails(req, res);
			if (req.method !== 'POST') {
				const buttons = Object.entries(IDENTITIES)
					.map(
						([sub, who]) =>
							`<p><button name="sub" value="${sub}">${escapeHtml(who.name)}</button> ${escapeHtml(who.email)}${who.cvr ? ` · CVR ${who.cvr}` : ''}</p>`
					)
					.join('');
				res.setHeader('content-type', 'text/html; charset=utf-8');
				res.end(
					`<!doctype html><html lang="da"><meta charset="utf-8"><title>Demo-login</title>` +
						`<h1>Demo-login</h1><p>Vælg, hvem du vil logge ind som (kun til afprøvning).</p>` +
						`<form method="post">${buttons}</form></html>`
				);
				return;
			}
			const body = await new Promise<string>((resolve) => {
				let text = '';
				req.on('data', (chunk) => (text += chunk));
				req.on('end', () => resolve(text));
			});
			const sub = new URLSearchParams(body).get('sub') ?? '';
			if (!IDENTITIES[sub]) {
				res.statusCode = 400;
				res.end('Ukendt identitet');
				return;
			}
			const grant = new provider.Grant({ accountId: sub, clientId: CLIENT_ID });
			grant.addOIDCScope(String(details.params.scope));
			const grantId = await grant.save();
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId: sub }, consent: { grantId } },
				{ mergeWithLastSubmission: false }
			);
		} catch (e) {
			res.statusCode = 400;
			res.end(String(e));
		}
	});
	return issuer;
}

async function main(): Promise<void> {
	if (process.env.NODE_ENV === 'production') {
		throw new Error('Demo-udbyderen må ikke køre i produktion.');
	}
	const env = { ...process.env };
	if (!env.OIDC_PROVIDERS) {
		try {
			const issuer = await startProvider();
			Object.assign(env, {
				OIDC_PROVIDERS: 'demo',
				OIDC_DEMO_ISSUER: issuer,
				OIDC_DEMO_CLIENT_ID: CLIENT_ID,
				OIDC_DEMO_CLIENT_SECRET: CLIENT_SECRET,
				OIDC_DEMO_NAME: 'Demo-login',
				OIDC_DEMO_SCOPES: 'openid email profile company',
				OIDC_DEMO_CLAIM_CVR: 'cvr',
				OIDC_DEMO_CLAIM_ORGANISATION: 'org_name',
				OIDC_DEMO_CVR_MAPPING: 'ja'
			});
			console.log(`Demo-login (OpenID Connect) kører på ${issuer}.`);
		} catch (e) {
			console.warn(`Demo-login blev ikke startet: ${e instanceof Error ? e.message : e}`);
		}
	}
	const vite = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'dev', '--port', String(APP_PORT), '--strictPort'],
		{ stdio: 'inherit', env }
	);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => vite.kill(signal));
	}
	vite.on('exit', (code) => process.exit(code ?? 0));
}

await main();
