/**
 * /media against nginx on the same files in the same run: GETs of a 4 MiB segment and of a
 * 64 KiB one, 50 keep-alive connections, the built server, Debian's nginx (one worker, sendfile)
 * and, for scale, a bare Node `http` server piping `createReadStream` (1 MiB buffer, cached stat),
 * about the ceiling for a Node origin. Rounds alternate the three; ratios are per round, then the
 * median. Targets (req/s): 4 MiB >= 50 % of nginx, 64 KiB >= 8 %. Requests per CPU-second of each
 * serving process are reported beside them, as a busy machine skews req/s.
 * Load: wrk (Debian's) when on PATH, else a raw keep-alive socket client in this process, which
 * is slower than wrk, so against nginx it measures itself more than nginx: the bench says which.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { median, table, writeSection } from '../../../tools/bench/report';
import { NGINX_PATH, nginxInstalled, type RunningNginx, startNginx } from '../src/support/nginx';
import { freePort, type RunningServer, startServer } from '../src/support/server-process';

const SECONDS = Number(process.env['BENCH_MEDIA_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_MEDIA_ROUNDS'] ?? 3);
const CONNECTIONS = 50;
const FILES = [
  { label: '4 MiB segment', key: 'bench-clip/stream/720p/segment_00001.m4s', bytes: 4 * 1024 ** 2, target: 0.5 },
  { label: '64 KiB segment', key: 'bench-clip/stream/720p/segment_00002.m4s', bytes: 64 * 1024, target: 0.08 },
];

type Load = (url: string, seconds: number) => Promise<number>;

function wrkPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The first line a binary prints for `-v` (wrk and nginx print it to different streams and exit differently). */
function versionLine(binary: string): string {
  const { stdout, stderr } = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  return `${stdout}${stderr}`.split('\n')[0].trim();
}

/** Requests per second from wrk; a non-2xx answer or a socket error fails the bench rather than counting. */
function wrkLoad(wrk: string): Load {
  return async (url, seconds) => {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(wrk, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
    });
    if (/Non-2xx or 3xx responses|Socket errors: connect [1-9]|read [1-9]|write [1-9]/.test(out)) throw new Error(`errors under load at ${url}:\n${out}`);
    const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
    if (!rate) throw new Error(`no rate in wrk's output:\n${out}`);
    return Number(rate[1]);
  };
}

/**
 * User + system CPU seconds of a process and its children (nginx's worker), from /proc. Served
 * requests per CPU-second compare the three even when other work on the machine starves one
 * of them of CPU, as it starves nginx's single process more than Node's thread pool.
 */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  return (Number(fields[11]) + Number(fields[12])) / 100 + children.reduce((sum, child) => sum + cpuSeconds(child), 0);
}

/** The fallback: CONNECTIONS raw keep-alive sockets, one GET in flight each, bodies counted by Content-Length. */
const socketLoad: Load = (url, seconds) => {
  const { hostname, port, pathname } = new URL(url);
  const request = Buffer.from(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      let head = Buffer.alloc(0);
      let remaining = -1;
      const next = () => (Date.now() < deadline ? socket.write(request) : (socket.destroy(), resolve()));
      socket.once('connect', next).once('error', reject);
      socket.on('data', (chunk: Buffer) => {
        let data = chunk;
        while (data.length > 0) {
          if (remaining < 0) {
            head = Buffer.concat([head, data]);
            const end = head.indexOf('\r\n\r\n');
            if (end < 0) return;
            const text = head.toString('latin1', 0, end);
            if (!text.startsWith('HTTP/1.1 200')) return reject(new Error(`${url}: ${text.split('\r\n')[0]}`));
            remaining = Number(/\r\ncontent-length:\s*(\d+)/i.exec(text)?.[1] ?? 0);
            data = head.subarray(end + 4);
            head = Buffer.alloc(0);
          }
          const take = Math.min(remaining, data.length);
          remaining -= take;
          data = data.subarray(take);
          if (remaining === 0) {
            remaining = -1;
            done++;
            next();
          }
        }
      });
    });
  return Promise.all(Array.from({ length: CONNECTIONS }, one)).then(() => done / seconds);
};

/** The reference: what the issue calls a bare Node origin, in its own process. */
const BARE_NODE = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
const [root, port] = process.argv.slice(1); const stats = new Map();
http.createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(req.url.slice('/media/'.length)));
  let stat = stats.get(file);
  if (!stat) { stat = fs.statSync(file); stats.set(file, stat); }
  res.writeHead(200, { 'Content-Type': 'video/iso.segment', 'Content-Length': stat.size });
  fs.createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(res);
}).listen(Number(port), '127.0.0.1', () => process.send('listening'));`;

async function startBareNode(mediaDir: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-e', BARE_NODE, mediaDir, String(port)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => child.once('message', resolve).once('exit', reject));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid as number, stop: () => child.kill() };
}

type Name = 'nginx' | 'bare' | 'server';

const rate = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'missing');
const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : 'missing');

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const mediaDir = mkdtempSync(join(tmpdir(), 'cmm-bench-media-'));
  for (const file of FILES) {
    mkdirSync(join(mediaDir, file.key, '..'), { recursive: true });
    writeFileSync(join(mediaDir, file.key), randomBytes(file.bytes));
  }
  const wrk = wrkPath();
  const load = wrk ? wrkLoad(wrk) : socketLoad;
  const loadName = wrk ? `${versionLine(wrk).replace(/ Copyright.*/, '')}, 1 thread` : 'the built-in socket client (no wrk on PATH; slower than wrk, so nginx is under-measured)';
  let server: RunningServer | undefined;
  let nginx: RunningNginx | undefined;
  let bare: { url: string; pid: number; stop: () => void } | undefined;
  try {
    server = await startServer({ LOG_LEVEL: 'warn' }, mediaDir);
    bare = await startBareNode(mediaDir);
    if (nginxInstalled()) {
      nginx = await startNginx((port) => `  keepalive_requests 100000;\n  server {\n    listen 127.0.0.1:${port};\n    location /media/ { alias ${mediaDir}/; sendfile on; tcp_nopush on; }\n  }`);
    } else {
      console.warn(`nginx not found at ${NGINX_PATH}: the ratios to nginx are missing (apt-get install nginx)`);
    }
    const targets = [
      { name: 'nginx', url: nginx?.url, pid: nginx?.pid },
      { name: 'bare', url: bare.url, pid: bare.pid },
      { name: 'server', url: server.url, pid: server.pid },
    ].filter((t): t is { name: Name; url: string; pid: number } => t.url !== undefined);

    const results = FILES.map(() => ({ nginx: [] as number[], bare: [] as number[], server: [] as number[] }));
    const perCpu = FILES.map(() => ({ nginx: [] as number[], bare: [] as number[], server: [] as number[] }));
    for (const [i, file] of FILES.entries()) {
      for (const target of targets) {
        const res = await fetch(`${target.url}/media/${file.key}`);
        const length = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200 || length !== file.bytes) throw new Error(`${target.name} answered ${res.status} with ${length} bytes for ${file.key}`);
        await load(`${target.url}/media/${file.key}`, 1); // warm-up
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of targets) {
          const cpuBefore = cpuSeconds(target.pid);
          const perSecond = await load(`${target.url}/media/${file.key}`, SECONDS);
          const perCpuSecond = (perSecond * SECONDS) / (cpuSeconds(target.pid) - cpuBefore);
          results[i][target.name].push(perSecond);
          perCpu[i][target.name].push(perCpuSecond);
          console.log(`${file.label} round ${round + 1} ${target.name}: ${rate(perSecond)} req/s, ${rate(perCpuSecond)} per CPU-second`);
        }
      }
    }

    const perRound = (a: number[], b: number[]) => (b.length === 0 ? Number.NaN : median(a.map((x, r) => x / b[r])));
    const rows = FILES.map((file, i) => {
      const r = results[i];
      const vsNginx = perRound(r.server, r.nginx);
      return {
        file,
        vsNginx,
        cells: [
          file.label,
          rate(median(r.nginx)),
          rate(median(r.bare)),
          rate(median(r.server)),
          `**${percent(vsNginx)}**`,
          `≥ ${percent(file.target)}${Number.isFinite(vsNginx) ? (vsNginx >= file.target ? ' (met)' : ' (missed)') : ''}`,
          percent(perRound(r.bare, r.nginx)),
          percent(perRound(r.server, r.bare)),
          percent(perRound(perCpu[i].server, perCpu[i].nginx)),
          percent(perRound(perCpu[i].bare, perCpu[i].nginx)),
        ],
      };
    });
    const body = [
      `GET of one file, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per run, ${ROUNDS} rounds alternating nginx, bare Node, /media; load from ${loadName}. ` +
        `nginx: ${nginx ? versionLine(NGINX_PATH).replace('nginx version: ', '') : 'missing'}, one worker, sendfile. ` +
        'Bare Node: `http` piping `createReadStream` with a 1 MiB buffer and a cached stat (the ceiling for a Node origin). ' +
        '/media: the built server (its own headers, open + fstat per request, no cache of file data). Rates are medians; ratios are medians of per-round ratios. ' +
        `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after: on a busy machine, other work starves nginx's single process more than Node's thread pool and flatters the req/s ratios; ` +
        "the per-CPU-second columns (requests served per second of CPU the serving process used, Node's threads and nginx's worker included; sendfile leaves nginx's copy to the client) depend much less on it.",
      '',
      table(
        [
          'file',
          'nginx req/s',
          'bare Node req/s',
          '/media req/s',
          '/media vs nginx',
          'target',
          'bare Node vs nginx',
          '/media vs bare Node',
          '/media vs nginx per CPU-s',
          'bare Node vs nginx per CPU-s',
        ],
        rows.map((r) => r.cells),
      ),
    ].join('\n');
    console.log(`\n${body}\n`);
    writeSection('media-serving', 'Media serving: /media against nginx', body);
    if (rows.some((r) => Number.isFinite(r.vsNginx) && r.vsNginx < r.file.target)) process.exitCode = 1;
  } finally {
    bare?.stop();
    await nginx?.stop();
    await server?.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

void main();
