import { describe, expect, it } from 'vitest';
import { oidcProviders, parseOidcProviders } from './oidc-config';

const uni = {
	OIDC_PROVIDERS: 'uni',
	OIDC_UNI_ISSUER: 'https://et-broker.unilogin.dk/auth/realms/broker',
	OIDC_UNI_CLIENT_ID: 'aarshjul',
	OIDC_UNI_CLIENT_SECRET: 'hemmelig',
	OIDC_UNI_NAME: 'UNI-login'
};

describe('oidc-config', () => {
	describe('parseOidcProviders', () => {
		it('has no providers when OIDC_PROVIDERS is unset or empty', () => {
			expect(parseOidcProviders({})).toEqual({ ok: true, providers: [] });
			expect(parseOidcProviders({ OIDC_PROVIDERS: '  ' })).toEqual({ ok: true, providers: [] });
		});

		it('reads a provider with the default claims and scope', () => {
			const result = parseOidcProviders(uni);
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.providers).toHaveLength(1);
			const [p] = result.providers;
			expect(p).toMatchObject({
				id: 'uni',
				clientId: 'aarshjul',
				clientSecret: 'hemmelig',
				clientAuth: 'post',
				displayName: 'UNI-login',
				scope: 'openid email profile',
				claims: { email: 'email', name: 'name', organisation: null, cvr: null },
				cvrMapping: false,
				allowInsecure: false
			});
			expect(p.issuer.href).toBe('https://et-broker.unilogin.dk/auth/realms/broker');
		});

		it('reads several providers with their own claims and CVR mapping', () => {
			const result = parseOidcProviders({
				...uni,
				OIDC_PROVIDERS: 'uni, mitid',
				OIDC_MITID_ISSUER: 'https://broker.example/mitid',
				OIDC_MITID_CLIENT_ID: 'c',
				OIDC_MITID_CLIENT_SECRET: 's',
				OIDC_MITID_NAME: 'MitID Erhverv',
				OIDC_MITID_CLAIM_EMAIL: 'nemlogin.email',
				OIDC_MITID_CLAIM_CVR: 'nemlogin.cvr',
				OIDC_MITID_CLAIM_ORGANISATION: 'nemlogin.org_name',
				OIDC_MITID_CVR_MAPPING: 'ja',
				OIDC_MITID_SCOPES: 'openid  nemlogin',
				OIDC_MITID_CLIENT_AUTH: 'basic'
			});
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.providers.map((p) => p.id)).toEqual(['uni', 'mitid']);
			expect(result.providers[1]).toMatchObject({
				claims: { email: 'nemlogin.email', cvr: 'nemlogin.cvr', organisation: 'nemlogin.org_name' },
				cvrMapping: true,
				clientAuth: 'basic',
				scope: 'openid nemlogin'
			});
		});

		it('allows plain http only for an issuer on this machine', () => {
			const local = parseOidcProviders({ ...uni, OIDC_UNI_ISSUER: 'http://127.0.0.1:4000' });
			expect(local.ok && local.providers[0].allowInsecure).toBe(true);
			const remote = parseOidcProviders({ ...uni, OIDC_UNI_ISSUER: 'http://broker.example' });
			expect(remote).toEqual({
				ok: false,
				errors: [
					'OIDC_UNI_ISSUER skal begynde med https:// (http:// kun for en udbyder på denne maskine).'
				]
			});
		});

		it('names every mistake in Danish', () => {
			const result = parseOidcProviders({
				OIDC_PROVIDERS: 'uni,Entra,uni,mitid',
				OIDC_UNI_ISSUER: 'ikke en url',
				OIDC_UNI_CLIENT_ID: 'x',
				OIDC_UNI_NAME: 'UNI-login',
				OIDC_UNI_CVR_MAPPING: 'måske',
				OIDC_MITID_ISSUER: 'https://broker.example',
				OIDC_MITID_CLIENT_ID: 'c',
				OIDC_MITID_CLIENT_SECRET: 's',
				OIDC_MITID_NAME: 'MitID',
				OIDC_MITID_CVR_MAPPING: 'ja',
				OIDC_MITID_SCOPES: 'profile',
				OIDC_MITID_CLAIM_NAME: 'to ord',
				OIDC_MITID_CLIENT_AUTH: 'jwt'
			});
			expect(result).toEqual({
				ok: false,
				errors: [
					'OIDC_UNI_ISSUER: "ikke en url" er ikke en URL.',
					'OIDC_UNI_CLIENT_SECRET mangler.',
					'OIDC_UNI_CVR_MAPPING skal være "ja" eller "nej", ikke "måske".',
					'OIDC_PROVIDERS: "Entra" er ikke et gyldigt id (små bogstaver og tal, begynder med et bogstav, højst 30 tegn).',
					'OIDC_PROVIDERS: "uni" står mere end én gang.',
					'OIDC_MITID_CLAIM_NAME: "to ord" er ikke et gyldigt claim-navn.',
					'OIDC_MITID_CVR_MAPPING=ja kræver OIDC_MITID_CLAIM_CVR (det claim der har CVR-nummeret).',
					'OIDC_MITID_CLIENT_AUTH skal være "post" eller "basic", ikke "jwt".',
					'OIDC_MITID_SCOPES skal indeholde "openid".'
				]
			});
		});
	});

	describe('oidcProviders', () => {
		it('throws the list of mistakes, so the server does not start half configured', () => {
			expect(() => oidcProviders({ OIDC_PROVIDERS: 'uni' })).toThrow(
				/OpenID Connect er sat forkert op:\n- OIDC_UNI_ISSUER mangler\./
			);
		});
	});
});
