// OpenID Connect providers come from the environment (docs/OPERATIONS.md, "Log ind med
// UNI-login, MitID Erhverv og Entra ID"). The server refuses to start on a mistake here, with
// every problem named in Danish: a half-configured provider would only fail at a user's login.

export interface OidcProvider {
	/** Lower-case id used in the URL (/login/oidc/<id>) and in the environment names. */
	id: string;
	issuer: URL;
	clientId: string;
	clientSecret: string;
	/** How the secret reaches the token endpoint: in the body (post) or HTTP Basic. */
	clientAuth: 'post' | 'basic';
	/** The button says "Log ind med <displayName>". */
	displayName: string;
	scope: string;
	claims: {
		email: string;
		name: string;
		/** The organisation's name in the claims, shown on the page for an unknown identity. */
		organisation: string | null;
		cvr: string | null;
	};
	/** The secretariat lets this provider tie a company user to the organisation with the CVR. */
	cvrMapping: boolean;
	/** Plain HTTP is allowed for an issuer on this machine (tests, the demo), never elsewhere. */
	allowInsecure: boolean;
}

export type OidcConfigResult =
	{ ok: true; providers: OidcProvider[] } | { ok: false; errors: string[] };

const ID = /^[a-z][a-z0-9]{0,29}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const TRUE = new Set(['ja', 'true', '1']);
const FALSE = new Set(['nej', 'false', '0', '']);
/** A claim name: what brokers use, dotted (nemlogin.cvr) or a URI, but no spaces or controls. */
const CLAIM = /^[\x21-\x7e]{1,200}$/;

export const envName = (id: string, key: string) => `OIDC_${id.toUpperCase()}_${key}`;

/** Reads OIDC_PROVIDERS=uni,mitid,entra and OIDC_<ID>_… for each; no providers is fine. */
export function parseOidcProviders(env: Record<string, string | undefined>): OidcConfigResult {
	const list = (env.OIDC_PROVIDERS ?? '').trim();
	if (list === '') return { ok: true, providers: [] };
	const errors: string[] = [];
	const providers: OidcProvider[] = [];
	const ids = list.split(',').map((s) => s.trim());
	const seen = new Set<string>();
	for (const id of ids) {
		if (!ID.test(id)) {
			errors.push(
				`OIDC_PROVIDERS: "${id}" er ikke et gyldigt id (små bogstaver og tal, begynder med et bogstav, højst 30 tegn).`
			);
			continue;
		}
		if (seen.has(id)) {
			errors.push(`OIDC_PROVIDERS: "${id}" står mere end én gang.`);
			continue;
		}
		seen.add(id);
		const provider = parseProvider(id, env, errors);
		if (provider) providers.push(provider);
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, providers };
}

function parseProvider(
	id: string,
	env: Record<string, string | undefined>,
	errors: string[]
): OidcProvider | null {
	const read = (key: string) => (env[envName(id, key)] ?? '').trim();
	const before = errors.length;
	const required = (key: string) => {
		const value = read(key);
		if (value === '') errors.push(`${envName(id, key)} mangler.`);
		return value;
	};

	const issuerText = required('ISSUER');
	let issuer: URL | null = null;
	let allowInsecure = false;
	if (issuerText !== '') {
		try {
			issuer = new URL(issuerText);
		} catch {
			errors.push(`${envName(id, 'ISSUER')}: "${issuerText}" er ikke en URL.`);
		}
		if (issuer) {
			const loopback = LOOPBACK.has(issuer.hostname);
			if (issuer.protocol === 'http:' && loopback) allowInsecure = true;
			else if (issuer.protocol !== 'https:') {
				errors.push(
					`${envName(id, 'ISSUER')} skal begynde med https:// (http:// kun for en udbyder på denne maskine).`
				);
			}
			if (issuer.search || issuer.hash || issuer.username || issuer.password) {
				errors.push(
					`${envName(id, 'ISSUER')} må ikke have forespørgsel, fragment eller brugernavn.`
				);
			}
		}
	}
	const clientId = required('CLIENT_ID');
	const clientSecret = required('CLIENT_SECRET');
	const displayName = required('NAME');
	if (displayName.length > 60) errors.push(`${envName(id, 'NAME')} er længere end 60 tegn.`);

	const claim = (key: string, fallback: string | null) => {
		const value = read(key) || fallback;
		if (value !== null && !CLAIM.test(value)) {
			errors.push(`${envName(id, key)}: "${value}" er ikke et gyldigt claim-navn.`);
		}
		return value;
	};
	const claims = {
		email: claim('CLAIM_EMAIL', 'email') ?? 'email',
		name: claim('CLAIM_NAME', 'name') ?? 'name',
		organisation: claim('CLAIM_ORGANISATION', null),
		cvr: claim('CLAIM_CVR', null)
	};

	const mappingText = read('CVR_MAPPING').toLowerCase();
	let cvrMapping = false;
	if (TRUE.has(mappingText)) cvrMapping = true;
	else if (!FALSE.has(mappingText)) {
		errors.push(`${envName(id, 'CVR_MAPPING')} skal være "ja" eller "nej", ikke "${mappingText}".`);
	}
	if (cvrMapping && !claims.cvr) {
		errors.push(
			`${envName(id, 'CVR_MAPPING')}=ja kræver ${envName(id, 'CLAIM_CVR')} (det claim der har CVR-nummeret).`
		);
	}

	const clientAuth = read('CLIENT_AUTH') || 'post';
	if (clientAuth !== 'post' && clientAuth !== 'basic') {
		errors.push(
			`${envName(id, 'CLIENT_AUTH')} skal være "post" eller "basic", ikke "${clientAuth}".`
		);
	}

	const scope = read('SCOPES') || 'openid email profile';
	if (!scope.split(/\s+/).includes('openid')) {
		errors.push(`${envName(id, 'SCOPES')} skal indeholde "openid".`);
	}

	if (errors.length > before || !issuer) return null;
	return {
		id,
		issuer,
		clientId,
		clientSecret,
		clientAuth: clientAuth === 'basic' ? 'basic' : 'post',
		displayName,
		scope: scope.split(/\s+/).join(' '),
		claims,
		cvrMapping,
		allowInsecure
	};
}

/** The providers of this process's environment; throws the Danish list when it is wrong. */
export function oidcProviders(
	env: Record<string, string | undefined> = process.env
): OidcProvider[] {
	const result = parseOidcProviders(env);
	if (!result.ok) {
		throw new Error(`OpenID Connect er sat forkert op:\n- ${result.errors.join('\n- ')}`);
	}
	return result.providers;
}

export function findOidcProvider(id: string, env = process.env): OidcProvider | null {
	return oidcProviders(env).find((p) => p.id === id) ?? null;
}
