import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, migrateToLatest } from "../../db/connection";
import { seedDemo } from "../../db/seed/demo";
import { PROJECT_ROOT, TMP_DIR } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

// Browser tests run against the real production build: build once, seed a fresh database, start
// the built server (build/index.js) on a free port, and hand its address to the tests via inject("baseUrl").

const E2E_DB = path.join(TMP_DIR, "e2e.sqlite");
const SERVER_LOG = path.join(TMP_DIR, "e2e-server.log");
const READY_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("Could not pick a free port"))));
    });
  });
}

async function freshDatabase(): Promise<void> {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(E2E_DB + suffix, { force: true });
  const db = openDatabase(`file:${E2E_DB}`);
  try {
    const { error } = await migrateToLatest(db);
    if (error) throw error;
    await seedDemo(db);
  } finally {
    await db.destroy();
  }
}

async function waitForHealthy(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = "no attempt yet";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The e2e server exited early (code ${server.exitCode}, signal ${server.signalCode}):\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The e2e server was not healthy within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}):\n${output()}`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill("SIGKILL"), 5_000);
    server.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    server.kill("SIGTERM");
  });
}

export default async function setup({ provide }: TestProject) {
  // Vitest sets NODE_ENV=test; the build must be a production one (jsx, not jsxDEV) to match the server.
  execFileSync("npx", ["remix", "build"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await freshDatabase();

  const port = await freePort();
  const log = fs.createWriteStream(SERVER_LOG, { flags: "w" });
  let stdout = "";
  let stderr = "";
  const server = spawn(process.execPath, ["build/index.js"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `file:${E2E_DB}`,
      SESSION_SECRETS: "e2e-secret",
      // No network here: an empty TILE_URL draws maps without online tiles (and without console errors).
      TILE_URL: "",
      UPLOAD_DIR: path.join(TMP_DIR, "e2e-uploads"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  server.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    log.write(chunk);
  });

  const baseUrl = `http://localhost:${port}`;
  try {
    await waitForHealthy(baseUrl, server, () => `stdout:\n${stdout}\nstderr:\n${stderr}`);
  } catch (error) {
    await stopServer(server);
    log.end();
    throw error;
  }
  provide("baseUrl", baseUrl);

  return async () => {
    await stopServer(server);
    await new Promise<void>((resolve) => log.end(resolve));
    // A server error during a browser test is a bug even when the page looked fine.
    const errorLines = stderr.split("\n").filter((line) => line.includes("Error"));
    if (errorLines.length > 0) {
      throw new Error(
        `The e2e server wrote ${errorLines.length} error line(s) to stderr (full log: ${SERVER_LOG}):\n${errorLines.slice(0, 20).join("\n")}`,
      );
    }
  };
}
