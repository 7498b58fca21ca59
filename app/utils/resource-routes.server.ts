import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";

// Remix v2 flattens and ranks the whole route tree on every request, twice (its matcher has no cache; React
// Router 7 added one). With 120 routes that is most of a request's CPU. Resource routes whose path has no
// parameters (the API, exports, health check) need no matching at all: this table finds them by exact path
// and calls their loader or action the way Remix would. Everything else still goes through Remix.

type DataFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

interface ResourceModule {
  loader?: DataFunction;
  action?: DataFunction;
}

type Routes = ServerBuild["routes"];

function fullPath(routes: Routes, id: string): string {
  const segments: string[] = [];
  for (let route: Routes[string] | undefined = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) segments.unshift(route.path.replace(/^\/+|\/+$/g, ""));
  }
  return `/${segments.filter(Boolean).join("/")}`;
}

/** Exact path → module, for the build's resource routes (no UI) whose path has no `:param`, `*` or `?`. */
export function staticResourceRoutes(routes: Routes): Map<string, ResourceModule> {
  const table = new Map<string, ResourceModule>();
  for (const [id, route] of Object.entries(routes)) {
    if (!route || route.index || "default" in route.module) continue;
    const path = fullPath(routes, id);
    if (/[:*?]/.test(path)) continue;
    table.set(path, route.module as ResourceModule);
  }
  return table;
}

/**
 * The module's answer to the request, as Remix would give it: loader for GET and HEAD, action otherwise, a
 * thrown Response as the answer, anything else reported and turned into a bare 500. Null when the module has
 * no handler for the method (Remix then answers with its own error).
 */
export async function callResourceRoute(
  module: ResourceModule,
  request: Request,
  reportError: (error: unknown, request: Request) => void,
): Promise<Response | null> {
  const handler = request.method === "GET" || request.method === "HEAD" ? module.loader : module.action;
  if (!handler) return null;
  try {
    const result = await handler({ request, params: {}, context: {} });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    reportError(thrown, request);
    return new Response("Unexpected Server Error", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
