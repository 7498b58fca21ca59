import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import express from "express";
import compression from "compression";
import morgan from "morgan";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/express";
import * as serverBuild from "@remix-run/dev/server-build";
import { callResourceRoute, staticResourceRoutes } from "./utils/resource-routes.server";

// The production server (`npm start`, built into build/index.js by the `server` option of remix.config.js):
// static files, then resource routes with fixed paths by exact lookup, then Remix for everything else.
// Node's own fetch classes, so the two paths build and send the same kind of Request and Response.

installGlobals({ nativeFetch: true });
const build = serverBuild as unknown as ServerBuild;
const resourceRoutes = staticResourceRoutes(build.routes);

/** Bodies up to this size are read whole before the route sees them: cheaper than a web stream for JSON. */
const SMALL_BODY_BYTES = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Fetch Request for a Node request; its signal aborts when the client goes away before the answer is sent. */
async function toRequest(req: IncomingMessage, res: ServerResponse): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value != null) headers.set(name, value);
  }
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const length = Number(req.headers["content-length"]);
    init.body = length >= 0 && length <= SMALL_BODY_BYTES ? new Uint8Array(await readBody(req)) : (Readable.toWeb(req) as ReadableStream);
    init.duplex = "half";
  }
  return new Request(url, init);
}

/**
 * Writes the Response to Node: JSON and text at once, anything else (exports, PDFs) streamed with backpressure
 * (pipeline), which stops producing it when the client goes away (a cancelled export stops paging the ledger).
 * HEAD gets the headers only. A failed API call gets an access-log line (the API is otherwise not logged).
 */
async function send(req: IncomingMessage, res: ServerResponse, response: Response) {
  if (response.status >= 400 && req.url?.startsWith("/api/")) console.log(`${req.method} ${req.url} ${response.status}`);
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  if (!response.body || req.method === "HEAD" || res.destroyed) {
    await response.body?.cancel();
    res.end();
    return;
  }
  // A JSON or text answer is already whole in memory: written at once, it skips the stream machinery that
  // otherwise costs as much as the API call itself.
  if (/^(application\/json|text\/plain)/.test(response.headers.get("Content-Type") ?? "")) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
  } catch (error) {
    // The client leaving mid-answer is not a server error.
    if ((error as { code?: string }).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
  }
}

const reportError = (error: unknown, request: Request) => {
  const handleError = build.entry.module.handleError;
  if (handleError) handleError(error, { request, params: {}, context: {} });
  else console.error(error);
};

const app = express();
app.disable("x-powered-by");
// The access log leaves out the API (`/api/*`): at thousands of collection entries a second, logging each
// cost a fifth of a request's CPU. API calls that fail are still logged, by `send` below.
const accessLog = morgan("tiny");
app.use((req, res, next) => (req.path.startsWith("/api/") ? next() : accessLog(req, res, next)));
app.use(compression());
// Before the static files: no file has a resource route's path, and the API skips two file lookups.
app.use((req, res, next) => {
  const module = resourceRoutes.get(req.path);
  // A `?_data` request comes from Remix's own client (a <Form> posting to /logout, say): Remix answers it, so
  // its redirects arrive the way the client expects them.
  if (!module || "_data" in req.query) return next();
  toRequest(req, res)
    .then((request) => callResourceRoute(module, request, reportError))
    .then((response) => (response ? send(req, res, response) : next()))
    .catch(next);
});
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: build.mode }));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const onListen = () => {
  console.log(`Pasar Terlindungi on http://${host ?? "localhost"}:${port}`);
  if (build.mode === "development") void broadcastDevReady(build);
};
if (host) app.listen(port, host, onListen);
else app.listen(port, onListen);
