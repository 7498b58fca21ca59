/**
 * The URL pattern of a flat-routes file name, e.g. `markets.$marketId.tsx` → `/markets/:marketId`,
 * `_index.tsx` → `/`, `api.v1.markets.ts` → `/api/v1/markets`. Pathless `_layout` segments vanish.
 */
export function routePathOf(fileName: string): { path: string; params: string[] } {
  const base = fileName.replace(/\.(tsx|ts)$/, "");
  const params: string[] = [];
  // Dots inside [...] are literal (`traders.export[.]csv.ts` → `/traders/export.csv`).
  const segments = base
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => {
      const clean = segment.replace(/_$/, "");
      if (clean.startsWith("$")) {
        params.push(clean.slice(1));
        return `:${clean.slice(1)}`;
      }
      return clean.replace(/\[([^\]]*)\]/g, "$1");
    });
  return { path: `/${segments.join("/")}`, params };
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
}
