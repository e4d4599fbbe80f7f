// Feeds at scale (issue 16, point 11). Run: npx tsx bench/feed-scale.ts  (needs `npx vite build`)
// 1. In process: a calendar of 200, 2,000, 20,000 and 21,000 events rendered cold (every event
//    new) and warm (as on the next poll): the time should grow linearly, with no cliff where a
//    cache fills (the render cache used to hold 20,000 events).
// 2. Over HTTP on loopback, one `node build` process (PGlite), autocannon with 16 connections:
//    school feeds of 200, 2,000 and 20,000 events, the full gzipped feed and the revalidation
//    (If-None-Match → 304); beside nginx (one worker) serving the same gzipped bytes from a file,
//    when nginx is installed. BENCH_SECONDS sets each run's length (default 6).
// Targets: 304 ≥ 5,000/s; full gzip ≥ 1,000/s; linear growth.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/lib/platform/server/db/engine';
import type { DB, NewActivity } from '../src/lib/platform/server/db/schema';
import { getOrCreateFeedToken } from '../src/lib/feeds/server/token';
import { renderCalendar, type FeedEvent } from '../src/lib/feeds/server/ical';
import { startServer } from './server';
import { load, machine, median } from './stats';

const SIZES = [200, 2_000, 20_000];
const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
const GZIP = { 'accept-encoding': 'gzip' };

function events(n: number, stamp: number): FeedEvent[] {
	return Array.from({ length: n }, (_, i) => ({
		uid: `activity-${i}@aarshjul`,
		sequence: 1,
		summary: `Virksomhedsbesøg for 8.a nr. ${i} – Ørting Aluminium`,
		startDate: '2027-03-30',
		endDate: '2027-03-30',
		startTime: i % 3 ? '10:00:00' : null,
		endTime: i % 3 ? '12:30:00' : null,
		status: 'CONFIRMED',
		location: 'Ørting Aluminium ApS, Ørtingvej 4, 8350 Hundslund',
		description: 'Eleverne møder lærlinge og ser værkstedet.\n\nSe aktiviteten: https://x/y',
		categories: ['Virksomhedsbesøg'],
		url: 'https://aarshjul.example/aktiviteter/1',
		modifiedAt: new Date(stamp)
	}));
}

function timeRuns(runs: number, fn: () => void): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const began = performance.now();
		fn();
		times.push(performance.now() - began);
	}
	return median(times);
}

function inProcess(): string[] {
	const lines: string[] = [];
	let stamp = 1;
	for (const n of [...SIZES, 21_000]) {
		const runs = n >= 20_000 ? 3 : n >= 2_000 ? 10 : 30;
		const cold = timeRuns(runs, () =>
			renderCalendar({ name: 'Bench', events: events(n, stamp++ * 1000) })
		);
		const fixed = events(n, 1);
		renderCalendar({ name: 'Bench', events: fixed });
		const warm = timeRuns(runs, () => renderCalendar({ name: 'Bench', events: fixed }));
		lines.push(
			`| ${n.toLocaleString('en')} | ${cold.toFixed(1)} ms (${((cold / n) * 1000).toFixed(1)} µs/event) | ${warm.toFixed(1)} ms (${((warm / n) * 1000).toFixed(2)} µs/event) |`
		);
		console.log(lines.at(-1));
	}
	return lines;
}

/** A school of the demo data with `n` events in its feed (generated activities, in the window). */
async function schoolWith(db: Kysely<DB>, slug: string, n: number): Promise<string> {
	const school = await db
		.selectFrom('organisation')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirstOrThrow();
	const category = await db.selectFrom('category').select('id').executeTakeFirstOrThrow();
	const today = Date.now();
	const rows: NewActivity[] = [];
	for (let i = 0; i < n; i++) {
		const day = new Date(today + (1 + (i % 200)) * 86_400_000).toISOString().slice(0, 10);
		rows.push({
			ownerId: school.id,
			categoryId: category.id,
			title: `Virksomhedsbesøg for 8.${'abc'[i % 3]} nr. ${i + 1} – Ørting Aluminium`,
			description: 'Eleverne møder lærlinge og ser værkstedet. Husk sikkerhedssko og madpakke.',
			place: 'Ørting Aluminium ApS, Ørtingvej 4, 8350 Hundslund',
			startDate: day,
			endDate: day,
			startTime: '10:00:00',
			endTime: '12:30:00',
			visibility: 'private'
		});
	}
	for (let i = 0; i < rows.length; i += 1000) {
		await db
			.insertInto('activity')
			.values(rows.slice(i, i + 1000))
			.execute();
	}
	return (await getOrCreateFeedToken(db, { scope: 'school', organisationId: school.id })).token!;
}

const cannon = (url: string, headers: Record<string, string>, duration = DURATION) =>
	autocannon({ url, connections: 16, pipelining: 1, headers, duration });

type Cannon = Awaited<ReturnType<typeof cannon>>;
const perSecond = (r: Cannon, ok: number) =>
	`${Math.round(r.requests.average).toLocaleString('en')}/s (p99 ${r.latency.p99} ms${r.requests.total - ok ? `, ${r.requests.total - ok} other` : ''}${r.errors ? `, ${r.errors} errors` : ''})`;

async function measure(url: string) {
	const first = await fetch(url, { headers: GZIP });
	if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
	const etag = first.headers.get('etag')!;
	await cannon(url, GZIP, 1); // warm-up
	const full = await cannon(url, GZIP);
	const revalidate = await cannon(url, { ...GZIP, 'if-none-match': etag });
	return {
		full: perSecond(full, full['2xx']),
		notModified: perSecond(revalidate, revalidate['3xx'])
	};
}

async function startNginx(dir: string, port: number): Promise<() => void> {
	const conf = join(dir, 'nginx.conf');
	writeFileSync(
		conf,
		`daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
	uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
	server {
		listen 127.0.0.1:${port};
		root ${dir};
		location / {
			default_type text/calendar;
			add_header Content-Encoding gzip;
			add_header Cache-Control "private, max-age=300";
		}
	}
}
`
	);
	const child = spawn('nginx', ['-p', dir, '-c', conf], { stdio: 'ignore' });
	await new Promise((r) => setTimeout(r, 500));
	return () => child.kill('SIGTERM');
}

async function overHttp(): Promise<string[]> {
	const dataDir = mkdtempSync(join(tmpdir(), 'aarshjul-feed-scale-'));
	const lines: string[] = [];
	try {
		const first = await startServer({ dataDir, port: 4432 });
		await first.stop();
		const database = await openDatabase({ dataDir: `${dataDir}/pglite` });
		const slugs = ['stensballeskolen', 'lundskolen', 'parkvejskolen'];
		const tokens: string[] = [];
		for (const [i, n] of SIZES.entries()) tokens.push(await schoolWith(database.db, slugs[i], n));
		await database.close();
		const server = await startServer({ dataDir, port: 4432 });
		const nginxDir = mkdtempSync(join(tmpdir(), 'aarshjul-feed-nginx-'));
		const haveNginx = existsSync('/usr/sbin/nginx') || existsSync('/usr/bin/nginx');
		try {
			for (const [i, n] of SIZES.entries()) {
				const url = `${server.origin}/feeds/${tokens[i]}.ics`;
				const text = await (
					await fetch(url, { headers: { 'accept-encoding': 'identity' } })
				).text();
				const events = text.split('BEGIN:VEVENT').length - 1;
				const gz = gzipSync(text, { level: 6 });
				writeFileSync(join(nginxDir, `feed-${n}.ics`), gz);
				const app = await measure(url);
				let nginx = { full: 'not measured', notModified: 'not measured' };
				if (haveNginx) {
					const stop = await startNginx(nginxDir, 4433);
					try {
						nginx = await measure(`http://127.0.0.1:4433/feed-${n}.ics`);
					} finally {
						stop();
						await new Promise((r) => setTimeout(r, 300));
					}
				}
				lines.push(
					`| ${events.toLocaleString('en')} events (${Math.round(Buffer.byteLength(text) / 1024).toLocaleString('en')} kB, gzip ${Math.round(gz.byteLength / 1024).toLocaleString('en')} kB) | ${app.notModified} | ${app.full} | ${nginx.notModified} | ${nginx.full} |`
				);
				console.log(lines.at(-1));
			}
		} finally {
			await server.stop();
			rmSync(nginxDir, { recursive: true, force: true });
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
	return lines;
}

console.log(`${machine()}; ${new Date().toISOString()}; load ${load()}`);
const render = inProcess();
const http = process.env.BENCH_SKIP_HTTP ? [] : await overHttp();
console.log(
	[
		'',
		'| events | render cold | render warm |',
		'| --- | --- | --- |',
		...render,
		'',
		'| feed | app 304 | app full gzip | nginx 304 | nginx full gzip |',
		'| --- | --- | --- | --- | --- |',
		...http,
		`load after: ${load()}`
	].join('\n')
);
