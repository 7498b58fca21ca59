import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

// Loopback HTTP helpers for the benchmark: a free port, the built server (build/index.js), one timed request,
// and a bounded closed-loop load of single-entry collection batches.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(port: number, options: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, agent, method: options.method, path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error("request timed out")));
    req.end(options.body);
  });
}

export async function timeRequest(port: number, path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await request(port, { method: "GET", path, headers });
  return { ms: performance.now() - started, status: response.status, bytes: Buffer.byteLength(response.body) };
}

/** Starts the built server (`build/index.js`, as `npm start` does) on the port; waits (at most 30 s) for /healthz. */
export async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["build/index.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await request(port, { method: "GET", path: "/healthz" })).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not start within 30 s");
}

/** CPU seconds a process has used so far (Linux /proc; user + system at 100 ticks a second), or NaN elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The stack's own ceiling on this machine: GET /healthz (routing, one trivial query) from the same clients. */
export async function healthLoad(port: number, clients: number, durationMs: number) {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && latencies.length < 100_000) {
        const { ms } = await timeRequest(port, "/healthz");
        latencies.push(ms);
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), latencies };
}

const WARM_UP_MS = 2_000;

interface LoadOptions {
  port: number;
  clients: number;
  durationMs: number;
  tokens: string[];
  traderIds: number[];
}

/** Each client posts one single-entry batch at a time until the deadline (and at most 100,000 in all). */
export async function loadTest({ port, clients, durationMs, tokens, traderIds }: LoadOptions) {
  const latencies: number[] = [];
  const acceptedKeys: string[] = [];
  let requests = 0;
  let failedRequests = 0;
  let refused = 0;
  const post = (client: number, serial: number) => {
    const key = `bench-http-${client}-${serial}`;
    const body = JSON.stringify([{ idempotencyKey: key, traderId: traderIds[(client * 7919 + serial) % traderIds.length], amount: 300, collectedAt: new Date().toISOString() }]);
    return { key, send: () => request(port, { method: "POST", path: "/api/v1/collections", headers: { Authorization: `Bearer ${tokens[client]}`, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) }, body }) };
  };
  // Warm-up outside the measurement, as a running server would be (JIT of the whole write path, statement
  // cache, keep-alive sockets): every client posts for WARM_UP_MS; its entries are counted in the check below.
  const warmUpEnds = performance.now() + WARM_UP_MS;
  let warmUpRequests = 0;
  const warmUpRefusals: string[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      // Serials from a million up: apart from the measured ones, which start at 1.
      for (let serial = 1_000_000; serial === 1_000_000 || performance.now() < warmUpEnds; serial += 1) {
        const { key, send } = post(client, serial);
        warmUpRequests += 1;
        const response = await send();
        if (response.status === 200 && JSON.parse(response.body).results[0].ok) acceptedKeys.push(key);
        else warmUpRefusals.push(response.status === 200 ? JSON.parse(response.body).results[0].reason : `HTTP ${response.status}`);
      }
    }),
  );
  const warmedUp = acceptedKeys.length;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let serial = 1; performance.now() < deadline && requests < 100_000; serial += 1) {
        const { key, send } = post(client, serial);
        const sent = performance.now();
        requests += 1;
        try {
          const response = await send();
          latencies.push(performance.now() - sent);
          if (response.status !== 200) failedRequests += 1;
          else if (JSON.parse(response.body).results[0].ok) acceptedKeys.push(key);
          else refused += 1;
        } catch {
          failedRequests += 1;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  /** `accepted` counts the measured window; `acceptedKeys` also holds the warm-up's, all of which must be stored. */
  return { latencies, requests, warmUpRequests, warmUpRefusals, failedRequests, refused, accepted: acceptedKeys.length - warmedUp, acceptedKeys, elapsedMs };
}
