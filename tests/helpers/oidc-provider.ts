import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWK } from 'jose';

// A real OpenID provider (panva's certified oidc-provider) on a loopback port, for tests. Who
// logs in is chosen by the test (`loginAs`), standing in for a person typing at the provider;
// everything else — discovery, JWKS, PKCE, codes, ID tokens, end-session — is the provider's own.

export const CLIENT_ID = 'aarshjul-test';
export const CLIENT_SECRET = 'test-client-secret-that-is-long-enough';
const KID = 'test-signing-key';

export interface TestAccount {
	email?: string;
	name?: string;
	cvr?: string;
	org_name?: string;
}

export interface TestProvider {
	issuer: string;
	/** The accounts the provider knows, by subject. */
	accounts: Map<string, TestAccount>;
	/** The subject that logs in at the next interaction. */
	loginAs(subject: string): void;
	/**
	 * Rewrites the next ID tokens the token endpoint answers (null: leave them). The callback gets
	 * the payload and signs it: with the provider's own key, or another.
	 */
	tamperIdToken(
		fn: ((payload: Record<string, unknown>, sign: Signer) => Promise<string>) | null
	): void;
	/** Follows the provider's redirects from an authorization URL to the app's callback URL. */
	authorize(authorizationUrl: string, stopAt: string): Promise<URL>;
	close(): Promise<void>;
}

export interface Signer {
	withProviderKey(payload: Record<string, unknown>): Promise<string>;
	withOtherKey(payload: Record<string, unknown>): Promise<string>;
}

/** name=value cookies of the one "browser" that talks to the provider. */
class Jar {
	private readonly values = new Map<string, string>();
	header = () => [...this.values].map(([k, v]) => `${k}=${v}`).join('; ');
	store(setCookies: string[]) {
		for (const line of setCookies) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
			if (value === '' || expired) this.values.delete(name);
			else this.values.set(name, value);
		}
	}
}

export async function startTestProvider(options: {
	redirectUris: string[];
	postLogoutRedirectUris: string[];
}): Promise<TestProvider> {
	const { privateKey } = await generateKeyPair('RS256', { extractable: true });
	const other = await generateKeyPair('RS256', { extractable: true });
	const jwk: JWK = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
	const accounts = new Map<string, TestAccount>();
	let subject = '';
	let tamper: ((p: Record<string, unknown>, s: Signer) => Promise<string>) | null = null;

	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: options.redirectUris,
				post_logout_redirect_uris: options.postLogoutRedirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		jwks: { keys: [jwk] },
		cookies: { keys: ['test-cookie-key-0123456789'] },
		// PKCE for every client, not only public ones: a code without the verifier is refused.
		pkce: { required: () => true },
		// The claims in the ID token itself, as the brokers this app meets send them.
		conformIdTokenClaims: false,
		scopes: ['openid', 'email', 'profile', 'company'],
		claims: {
			openid: ['sub'],
			email: ['email'],
			profile: ['name'],
			company: ['cvr', 'org_name']
		},
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, sub) => {
			const account = accounts.get(sub);
			if (!account) return undefined;
			return { accountId: sub, claims: () => ({ sub, ...account }) };
		}
	});

	const signer: Signer = {
		withProviderKey: (payload) =>
			new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(privateKey),
		withOtherKey: (payload) =>
			new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(other.privateKey)
	};
	provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
		await next();
		const body = ctx.body as { id_token?: string } | undefined;
		if (ctx.path === '/token' && tamper && body?.id_token) {
			body.id_token = await tamper(decodeJwt(body.id_token), signer);
		}
	});

	const callback = provider.callback();
	server.on('request', async (req, res) => {
		if (!req.url?.startsWith('/interaction/')) return callback(req, res);
		// The person at the provider: logs in as `subject` and consents to what was asked.
		try {
			const details = await provider.interactionDetails(req, res);
			const grant = new provider.Grant({
				accountId: subject,
				clientId: details.params.client_id as string
			});
			grant.addOIDCScope(String(details.params.scope));
			const grantId = await grant.save();
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId: subject }, consent: { grantId } },
				{ mergeWithLastSubmission: false }
			);
		} catch (e) {
			res.statusCode = 500;
			res.end(String(e));
		}
	});

	return {
		issuer,
		accounts,
		loginAs: (s) => (subject = s),
		tamperIdToken: (fn) => (tamper = fn),
		async authorize(authorizationUrl, stopAt) {
			// A fresh browser each time: no provider session carries one test's person into the next.
			const jar = new Jar();
			let url = authorizationUrl;
			for (let hop = 0; hop < 10; hop++) {
				if (url.startsWith(stopAt)) return new URL(url);
				const response = await fetch(url, {
					redirect: 'manual',
					headers: { cookie: jar.header() }
				});
				jar.store(response.headers.getSetCookie());
				const location = response.headers.get('location');
				if (!location) {
					throw new Error(`provider answered ${response.status}: ${await response.text()}`);
				}
				url = new URL(location, url).href;
			}
			throw new Error('too many redirects at the provider');
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
}
