import type { CoordPrecision, MarketStage } from "../../db/schema";

export interface MarketPoint {
  id: number;
  name: string;
  branch_code: string;
  stage: MarketStage;
  government_run: number;
  lat: number | null;
  lng: number | null;
  coord_precision: CoordPrecision;
}

/** Markets as GeoJSON (lng, lat order); a market without coordinates has a null geometry. */
export function marketsAsGeoJson(markets: MarketPoint[]) {
  return {
    type: "FeatureCollection" as const,
    features: markets.map((market) => ({
      type: "Feature" as const,
      id: market.id,
      geometry:
        market.lat == null || market.lng == null ? null : { type: "Point" as const, coordinates: [market.lng, market.lat] },
      properties: {
        id: market.id,
        name: market.name,
        branch_code: market.branch_code,
        stage: market.stage,
        government_run: market.government_run === 1,
        precision: market.coord_precision,
      },
    })),
  };
}
