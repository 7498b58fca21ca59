import { describe, expect, it, vi } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { callResourceRoute, staticResourceRoutes } from "../../app/utils/resource-routes.server";

const loader = async () => Response.json({ status: "ok" });
const routes = {
  root: { id: "root", path: "", module: { default: () => null, loader } },
  "routes/healthz": { id: "routes/healthz", parentId: "root", path: "healthz", module: { loader } },
  "routes/api.v1.collections": { id: "routes/api.v1.collections", parentId: "root", path: "api/v1/collections", module: { action: loader } },
  "routes/api.v1.traders.$traderId.coverage": { id: "x", parentId: "root", path: "api/v1/traders/:traderId/coverage", module: { loader } },
  "routes/markets._index": { id: "routes/markets._index", parentId: "root", path: "markets", index: true, module: { default: () => null, loader } },
  "routes/exports.markets[.]csv": { id: "e", parentId: "root", path: "exports/markets.csv", module: { loader } },
} as unknown as ServerBuild["routes"];

describe("static resource routes", () => {
  it("lists resource routes with fixed paths, never pages or paths with parameters", () => {
    expect([...staticResourceRoutes(routes).keys()].sort()).toEqual(["/api/v1/collections", "/exports/markets.csv", "/healthz"]);
  });

  it("calls the loader for GET and HEAD and the action otherwise", async () => {
    const action = vi.fn(async () => Response.json({ saved: true }, { status: 201 }));
    const module = { loader, action };
    const report = vi.fn();
    expect(await (await callResourceRoute(module, new Request("http://x/healthz"), report))!.json()).toEqual({ status: "ok" });
    expect((await callResourceRoute(module, new Request("http://x/healthz", { method: "POST", body: "{}" }), report))!.status).toBe(201);
    expect(await callResourceRoute({ loader }, new Request("http://x/healthz", { method: "DELETE" }), report)).toBeNull();
  });

  it("answers with a thrown Response, and reports anything else as a bare 500", async () => {
    const report = vi.fn();
    const denied = await callResourceRoute({ loader: async () => { throw new Response("Forbidden", { status: 403 }); } }, new Request("http://x/a"), report);
    expect(denied!.status).toBe(403);
    const broken = await callResourceRoute({ loader: async () => { throw new Error("boom"); } }, new Request("http://x/a"), report);
    expect(broken!.status).toBe(500);
    expect(await broken!.text()).toBe("Unexpected Server Error");
    expect(report).toHaveBeenCalledOnce();
  });
});
