import { useEffect, useState, type ReactNode } from "react";
import { GeoJSON, MapContainer, Pane, TileLayer, useMap } from "react-leaflet";
import type { LatLngBoundsExpression, LatLngExpression } from "leaflet";
import type { GeoJsonObject } from "geojson";
import { useI18n, useRootData } from "../../i18n/react";

// Browser-only (Leaflet touches window on import): render through <ClientMap> in map-frame.tsx.

/** One download per page load, shared by every map on the page (the server marks it cacheable too). */
let vectorBaseRequest: Promise<GeoJsonObject> | null = null;

function fetchVectorBase(): Promise<GeoJsonObject> {
  vectorBaseRequest ??= fetch("/api/v1/map/base").then((response) => {
    if (!response.ok) throw new Error(`Vector base: HTTP ${response.status}`);
    return response.json() as Promise<GeoJsonObject>;
  });
  // A failed download may be retried by the next map.
  vectorBaseRequest.catch(() => (vectorBaseRequest = null));
  return vectorBaseRequest;
}

/**
 * Natural Earth's coastlines and national borders from the app's own server, in a pane beneath the
 * tiles: hidden under them when they load, and the whole base map when they do not (offline).
 */
function VectorBase() {
  const [data, setData] = useState<GeoJsonObject | null>(null);
  useEffect(() => {
    let live = true;
    fetchVectorBase().then(
      (base) => live && setData(base),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Pane name="vector-base" style={{ zIndex: 150 }}>
      {data ? <GeoJSON data={data} interactive={false} style={{ color: "#7d8f74", weight: 1, fillColor: "#f3f1e7", fillOpacity: 1 }} /> : null}
    </Pane>
  );
}

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
  /** Off by default so a map inside a page does not hijack scrolling; the full-page map turns it on. */
  scrollWheelZoom?: boolean;
  children?: ReactNode;
}

/**
 * A Leaflet map over the built-in vector base (coastlines and borders, works offline), with the
 * configured tile layer on top (none when TILE_URL is empty) and a notice when tiles cannot load, so
 * the markers stay usable offline.
 */
export default function BaseMap({ center = KALIMANTAN_CENTER, zoom = 6, bounds, height, label, scrollWheelZoom = false, children }: BaseMapProps) {
  const { t } = useI18n();
  const map = useRootData()?.map;
  const [tilesFailed, setTilesFailed] = useState(false);
  return (
    <div className="map-frame" style={{ height }} role="region" aria-label={label}>
      <MapContainer center={center} zoom={zoom} maxZoom={18} style={{ height: "100%", width: "100%" }} scrollWheelZoom={scrollWheelZoom}>
        <VectorBase />
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
