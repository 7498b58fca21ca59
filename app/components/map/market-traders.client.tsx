import { useState } from "react";
import { Marker } from "react-leaflet";
import type { MarketStage } from "../../../db/schema";
import BaseMap from "./base-map.client";
import TraderClusters from "./trader-clusters.client";
import { marketIcon } from "./icons.client";

// Browser-only: render through <ClientMap> (the market page's traders card, components/market-traders.tsx).
// The market's point and its onboarded traders (clustered by the server, coloured by coverage status).

export interface MarketTradersMapProps {
  market: { id: number; name: string; lat: number; lng: number; stage: MarketStage };
  height: number;
  label: string;
}

export default function MarketTradersMap({ market, height, label }: MarketTradersMapProps) {
  const [filters] = useState(() => ({ marketId: market.id }));
  const [marketNames] = useState(() => new Map([[market.id, market.name]]));
  return (
    <BaseMap center={[market.lat, market.lng]} zoom={17} height={height} label={label}>
      <TraderClusters filters={filters} marketNames={marketNames} />
      <Marker position={[market.lat, market.lng]} icon={marketIcon(market.stage)} title={market.name} zIndexOffset={1000} />
    </BaseMap>
  );
}
