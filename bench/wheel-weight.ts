// The wheel page of 2,000 activities on the wire: bytes as sent (no decoding) for br, gzip and no
// compression, the year and a zoomed quarter, logged in as the secretariat, and how the HTML
// splits into the SVG, the hydration data and the rest.
// Run: npx tsx bench/wheel-weight.ts   (needs `npm run build`; BENCH_REUSE_DB=1 keeps the database)
// Target: under 300 kB on the wire with br or gzip.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BENCH_DATA_DIR, BENCH_DATABASE_URL } from './fixtures';
import { startServer } from './server';
import { load } from './stats';
import { ensureBenchDatabase, WHEEL_PATH } from './wheel-page';

interface Wire {
	status: number;
	encoding: string;
	wire: number;
	html: string;
}

function get(origin: string, path: string, cookie: string, acceptEncoding: string): Promise<Wire> {
	return new Promise((resolve, reject) => {
		const req = request(
			origin + path,
			{ headers: { cookie, 'accept-encoding': acceptEncoding } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const body = Buffer.concat(chunks);
					const encoding = String(res.headers['content-encoding'] ?? 'identity');
					const html = (
						encoding === 'br'
							? brotliDecompressSync(body)
							: encoding === 'gzip'
								? gunzipSync(body)
								: body
					).toString('utf8');
					resolve({ status: res.statusCode ?? 0, encoding, wire: body.length, html });
				});
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end();
	});
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

await ensureBenchDatabase();
const server = await startServer({ dataDir: BENCH_DATA_DIR, databaseUrl: BENCH_DATABASE_URL });
try {
	const cookie = await server.login();
	console.log(`load ${load()}; ${new Date().toISOString()}`);
	console.log(
		'| page | Accept-Encoding | sent as | on the wire | HTML | arcs | SVG | hydration data |'
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const [name, path] of [
		['year', WHEEL_PATH],
		['quarter (feb.–apr.)', `${WHEEL_PATH}&zoom=kvartal&fra=2027-02`]
	]) {
		for (const accept of ['gzip, deflate, br, zstd', 'gzip', 'identity']) {
			const wire = await get(server.origin, path, cookie, accept);
			if (wire.status !== 200) throw new Error(`GET ${path}: HTTP ${wire.status}`);
			const html = Buffer.byteLength(wire.html);
			const svg = /<svg class="wheel[\s\S]*?<\/svg>/.exec(wire.html)?.[0] ?? '';
			// The largest inline script is SvelteKit's page data for hydration.
			const data = (wire.html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []).reduce(
				(a, b) => (b.length > a.length ? b : a),
				''
			);
			const arcs = (wire.html.match(/class="arc[ "]/g) ?? []).length;
			console.log(
				`| ${name} | ${accept} | ${wire.encoding} | ${kB(wire.wire)} | ${kB(html)} | ${arcs} | ${kB(Buffer.byteLength(svg))} | ${kB(Buffer.byteLength(data))} |`
			);
		}
	}
} finally {
	await server.stop();
}
