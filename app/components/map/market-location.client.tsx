import { Circle, CircleMarker } from "react-leaflet";
import { latLng } from "leaflet";
import type { CoordPrecision } from "../../../db/schema";
import { APPROXIMATE_RADIUS_METRES } from "../../domain/geo";
import BaseMap from "./base-map.client";

// Browser-only: render through <ClientMap>.

export interface MarketLocationProps {
  lat: number;
  lng: number;
  precision: CoordPrecision;
  label: string;
}

/** The market's pin; an unconfirmed pin also shows the area the market may really be in. */
export default function MarketLocation({ lat, lng, precision, label }: MarketLocationProps) {
  const radius = precision === "verified" ? null : APPROXIMATE_RADIUS_METRES[precision];
  return (
    <BaseMap center={[lat, lng]} zoom={16} bounds={radius ? latLng(lat, lng).toBounds(radius * 2) : undefined} height={260} label={label}>
      {radius ? (
        <Circle center={[lat, lng]} radius={radius} pathOptions={{ color: "#1d4ed8", weight: 1, dashArray: "4 4", fillOpacity: 0.08 }} />
      ) : null}
      <CircleMarker center={[lat, lng]} radius={8} pathOptions={{ color: "#ffffff", weight: 2, fillColor: "#0b6b3a", fillOpacity: 1 }} />
    </BaseMap>
  );
}
