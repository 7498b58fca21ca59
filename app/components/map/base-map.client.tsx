import { useEffect, useState, type ReactNode } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import type { LatLngBoundsExpression, LatLngExpression } from "leaflet";
import { useI18n, useRootData } from "../../i18n/react";

// Browser-only (Leaflet touches window on import): render through <ClientMap> in map-frame.tsx.

/** Central Kalimantan, zoomed to show the whole island. */
export const KALIMANTAN_CENTER: LatLngExpression = [0.2, 114.5];

function TileFailureNotice({ onFailure }: { onFailure: () => void }) {
  const map = useMap();
  useEffect(() => {
    const handler = () => onFailure();
    map.on("tileerror", handler);
    return () => {
      map.off("tileerror", handler);
    };
  }, [map, onFailure]);
  return null;
}

function FitBounds({ bounds }: { bounds?: LatLngBoundsExpression }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  }, [map, bounds]);
  return null;
}

export interface BaseMapProps {
  center?: LatLngExpression;
  zoom?: number;
  bounds?: LatLngBoundsExpression;
  height: number;
  label: string;
  children?: ReactNode;
}

/**
 * A Leaflet map with the configured tile layer (none when TILE_URL is empty) and a notice when tiles
 * cannot load, so the markers stay usable offline.
 */
export default function BaseMap({ center = KALIMANTAN_CENTER, zoom = 6, bounds, height, label, children }: BaseMapProps) {
  const { t } = useI18n();
  const map = useRootData()?.map;
  const [tilesFailed, setTilesFailed] = useState(false);
  return (
    <div className="map-frame" style={{ height }} role="region" aria-label={label}>
      <MapContainer center={center} zoom={zoom} maxZoom={18} style={{ height: "100%", width: "100%" }} scrollWheelZoom={false}>
        {map?.tileUrl ? (
          <>
            <TileLayer url={map.tileUrl} attribution={map.tileAttribution} />
            <TileFailureNotice onFailure={() => setTilesFailed(true)} />
          </>
        ) : null}
        <FitBounds bounds={bounds} />
        {children}
      </MapContainer>
      {tilesFailed || !map?.tileUrl ? <p className="map-notice">{t("map.tilesUnavailable")}</p> : null}
    </div>
  );
}
