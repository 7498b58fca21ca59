import type { ReactNode } from "react";
import { ClientOnly } from "remix-utils/client-only";
import leafletCss from "leaflet/dist/leaflet.css";

/** Add to a route's `links` when it shows a map. */
export const mapLinks = () => [{ rel: "stylesheet", href: leafletCss }];

/** The map's space while it cannot be drawn yet (server render, hydration, its code loading). */
export function MapPlaceholder({ height }: { height: number }) {
  return <div className="map-frame map-placeholder" style={{ height }} aria-hidden="true" />;
}

/** Renders a browser-only map, with a placeholder of the same size on the server and before hydration. */
export function ClientMap({ height, children }: { height: number; children: () => ReactNode }) {
  return <ClientOnly fallback={<MapPlaceholder height={height} />}>{children}</ClientOnly>;
}
