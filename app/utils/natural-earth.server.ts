import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { MultiPolygon, Polygon } from "geojson";
import { DATA_AREA } from "../domain/map-query";
import { clipPolygon, roundRing, type Position } from "../domain/geo-clip";

// The vector base map drawn under the tiles: Natural Earth's 1:50m country outlines (public domain),
// shipped in the world-atlas package, cut to the programme's data area. Built once per process.

const require = createRequire(import.meta.url);

export interface VectorBase {
  body: string;
  etag: string;
}

let built: VectorBase | undefined;

function polygonsOf(geometry: Polygon | MultiPolygon | null): Position[][][] {
  if (!geometry) return [];
  return geometry.type === "Polygon" ? [geometry.coordinates as Position[][]] : (geometry.coordinates as Position[][][]);
}

/** Countries touching the data area as GeoJSON, each cut to it (about 100 KB for Indonesia and neighbours). */
export function vectorBase(): VectorBase {
  if (built) return built;
  const topology = require("world-atlas/countries-50m.json") as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const features = countries.features.flatMap((country) => {
    const polygons = polygonsOf(country.geometry as Polygon | MultiPolygon | null)
      .map((rings) => clipPolygon(rings, DATA_AREA))
      .filter((rings): rings is Position[][] => rings !== null)
      .map((rings) => rings.map((ring) => roundRing(ring)));
    if (polygons.length === 0) return [];
    return [{ type: "Feature", properties: { name: country.properties?.name ?? "" }, geometry: { type: "MultiPolygon", coordinates: polygons } }];
  });
  const body = JSON.stringify({ type: "FeatureCollection", features });
  built = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"` };
  return built;
}
