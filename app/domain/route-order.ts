import { distanceMetres, type LatLng } from "./geo";

// A suggested order for the day's visits: appointments with a time first, in time order; then, from the last
// of them (or the branch office), always the nearest market not yet visited. Not the shortest tour, but easy to
// follow and explain; ties keep the input order.

export interface RouteStop<T> {
  item: T;
  /** 1-based position in the suggested order. */
  order: number;
  point: LatLng;
  /** Straight-line metres from the previous stop (or from the start for the first). */
  legMetres: number;
}

export interface SuggestedRoute<T> {
  stops: RouteStop<T>[];
  /** Items without coordinates: they cannot be placed on the route. */
  unlocated: T[];
  /** Start to last stop, no return leg. */
  totalMetres: number;
}

export function nearestNextRoute<T>(
  start: LatLng,
  items: readonly T[],
  locate: (item: T) => LatLng | null,
  timeOf: (item: T) => string | null = () => null,
): SuggestedRoute<T> {
  const timed: { item: T; point: LatLng; time: string }[] = [];
  const remaining: { item: T; point: LatLng }[] = [];
  const unlocated: T[] = [];
  for (const item of items) {
    const point = locate(item);
    const time = timeOf(item);
    if (!point) unlocated.push(item);
    else if (time) timed.push({ item, point, time });
    else remaining.push({ item, point });
  }
  const stops: RouteStop<T>[] = [];
  let here = start;
  let totalMetres = 0;
  // A stable sort: equal times keep the input order.
  for (const next of [...timed].sort((a, b) => a.time.localeCompare(b.time))) {
    const metres = distanceMetres(here, next.point);
    stops.push({ item: next.item, order: stops.length + 1, point: next.point, legMetres: metres });
    totalMetres += metres;
    here = next.point;
  }
  while (remaining.length > 0) {
    let best = 0;
    let bestMetres = distanceMetres(here, remaining[0].point);
    for (let index = 1; index < remaining.length; index += 1) {
      const metres = distanceMetres(here, remaining[index].point);
      if (metres < bestMetres) {
        best = index;
        bestMetres = metres;
      }
    }
    const [next] = remaining.splice(best, 1);
    stops.push({ item: next.item, order: stops.length + 1, point: next.point, legMetres: bestMetres });
    totalMetres += bestMetres;
    here = next.point;
  }
  return { stops, unlocated, totalMetres };
}

/** Kilometres with one decimal, for the route's total shown as text. */
export function kilometres(metres: number): number {
  return Math.round(metres / 100) / 10;
}
