// `npm run admin:create -- --email x@y.dk [--name "…"] [--password-stdin] [--new-link]`: makes a
// secretariat administrator, the way into a production installation without demo data. Prints
// a one-time set-password link (ORIGIN/nulstil/<token>) unless the password comes on stdin.
// Exit codes: 0 done (also when the user already existed), 2 bad input, 1 anything else.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../src/lib/platform/server/db/engine';
import {
	databaseOptionsFromEnv,
	describeDatabaseTarget
} from '../src/lib/platform/server/db/index';
import { migrateToLatest } from '../src/lib/platform/server/db/migrate';
import { createFirstAdmin } from '../src/lib/auth/server/first-admin';

const USAGE =
	'Brug: npm run admin:create -- --email navn@eksempel.dk [--name "Fulde navn"] [--password-stdin] [--new-link]\n' +
	'Usage: the same; --password-stdin reads the password from standard input, --new-link makes a\n' +
	'new set-password link for an address that already has an account.';

const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

class InputError extends Error {}

interface Options {
	email: string;
	name: string;
	passwordStdin: boolean;
	newLink: boolean;
}

function parseOptions(argv: string[]): Options {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				email: { type: 'string' },
				name: { type: 'string' },
				'password-stdin': { type: 'boolean', default: false },
				'new-link': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new InputError(
			`Ukendt eller ufuldstændig parameter (${error instanceof Error ? error.message : error}).`
		);
	}
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const email = (values.email ?? '').trim().toLowerCase();
	if (!email) throw new InputError('Angiv administratorens e-mailadresse med --email.');
	if (email.length > 254 || !z.email().safeParse(email).success) {
		throw new InputError(`"${values.email}" er ikke en gyldig e-mailadresse.`);
	}
	const name = (values.name ?? '').trim() || email.slice(0, email.indexOf('@'));
	if (name.length > 200) throw new InputError('Navnet må højst være 200 tegn.');
	return { email, name, passwordStdin: values['password-stdin'], newLink: values['new-link'] };
}

async function readPassword(): Promise<string> {
	if (process.stdin.isTTY) {
		console.error('Skriv adgangskoden og afslut med Enter og Ctrl-D:');
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	// One trailing line break is the end of the line typed or echoed, not part of the password.
	const password = Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
	if (password.length < PASSWORD_MIN) {
		throw new InputError(`Adgangskoden skal være mindst ${PASSWORD_MIN} tegn.`);
	}
	if (password.length > PASSWORD_MAX) {
		throw new InputError(`Adgangskoden må højst være ${PASSWORD_MAX} tegn.`);
	}
	return password;
}

function appOrigin(): string {
	const origin = process.env.ORIGIN?.replace(/\/$/, '');
	if (origin) return origin;
	const fallback = `http://localhost:${process.env.PORT ?? 3000}`;
	console.error(
		`ORIGIN er ikke sat; linket bruger ${fallback}. Sæt ORIGIN til appens adresse (fx https://aarshjul.example.dk).`
	);
	return fallback;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const password = options.passwordStdin ? await readPassword() : null;
	const databaseOptions = databaseOptionsFromEnv();
	const database = await openDatabase({ ...databaseOptions, poolSize: 1 });
	try {
		console.log(`Bruger ${describeDatabaseTarget(databaseOptions)}.`);
		await migrateToLatest(database.db);
		const result = await createFirstAdmin(database.db, {
			email: options.email,
			name: options.name,
			password,
			// A new account without a password can only be entered through a link; an existing
			// one keeps its password and gets a link only when asked.
			link: password !== null ? 'never' : options.newLink ? 'always' : 'if-created'
		});
		report(options, result);
	} finally {
		await database.close();
	}
}

function report(options: Options, result: Awaited<ReturnType<typeof createFirstAdmin>>): void {
	if (result.organisationCreated) {
		console.log('Sekretariatets organisation (DI Lærlingeindsatsen) er oprettet.');
	}
	if (result.created) {
		console.log(`Administratoren ${options.email} er oprettet med adgang som sekretariatet.`);
	} else {
		console.log(
			`${options.email} findes allerede` +
				(result.promoted
					? ' og har nu adgang som sekretariatets administrator.'
					: ' og er allerede sekretariatets administrator.')
		);
	}
	if (result.passwordSet) {
		console.log('Adgangskoden er sat. Log ind på /login.');
	} else if (result.link) {
		const hours = Math.round((result.link.expiresAt.getTime() - Date.now()) / 3_600_000);
		console.log(
			`Engangslink til at vælge adgangskode (gyldigt i ${hours} timer):\n` +
				`  ${appOrigin()}/nulstil/${result.link.token}`
		);
	} else {
		console.log(
			'Adgangskoden er ikke ændret (--password-stdin sætter en ny, --new-link laver et nyt link).'
		);
	}
}

main().catch((error: unknown) => {
	if (error instanceof InputError) {
		console.error(`Fejl: ${error.message}\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	console.error(`Fejl: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
