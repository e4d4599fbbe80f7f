// Preloaded into the measured server by bench/budget-pages.ts (node --import): times every request
// inside the server, from Node's 'request' event to the response's 'finish'. On a shared machine
// the load generator waits for a core too, so its own latencies overstate the server's time.
// GET /__bench/timings returns the times since the last call ([path, ms] pairs) and clears them;
// GET /__bench/memory returns process.memoryUsage().
// Only the benchmark loads this file; the app knows nothing of it.
import http from 'node:http';
import v8 from 'node:v8';

const emit = http.Server.prototype.emit;
let times = [];

http.Server.prototype.emit = function (event, req, res) {
	if (event === 'request') {
		if (req.url === '/__bench/timings') {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(times));
			times = [];
			return true;
		}
		if (req.url === '/__bench/memory') {
			// Where the RSS goes: V8's heap, buffers outside it (external, arrayBuffers) and the rest.
			res.setHeader('content-type', 'application/json');
			res.end(
				JSON.stringify({
					...process.memoryUsage(),
					spaces: Object.fromEntries(
						v8
							.getHeapSpaceStatistics()
							.map((s) => [s.space_name, Math.round(s.physical_space_size / 1024)])
					)
				})
			);
			return true;
		}
		const began = performance.now();
		res.once('finish', () => times.push([req.url, performance.now() - began]));
	}
	return emit.apply(this, arguments);
};
