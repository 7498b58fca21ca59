import { Fragment, useMemo } from "react";
import { CircleMarker, Marker, Polyline, Tooltip } from "react-leaflet";
import { divIcon, latLngBounds, type LatLngTuple } from "leaflet";
import { useI18n } from "../../i18n/react";
import BaseMap from "./base-map.client";

// Browser-only: today's suggested route per branch, numbered in visiting order from the branch office.

export interface AgendaMapRoute {
  branchCode: string;
  office: { lat: number; lng: number };
  stops: { visitId: number; order: number; marketName: string; lat: number; lng: number }[];
}

const numberIcon = (order: number) =>
  divIcon({ className: "route-marker", html: `<span>${order}</span>`, iconSize: [30, 30], iconAnchor: [15, 15] });

export default function AgendaMap({ routes, height, label }: { routes: AgendaMapRoute[]; height: number; label: string }) {
  const { t } = useI18n();
  const bounds = useMemo(() => {
    const points: LatLngTuple[] = routes.flatMap((route) => [
      [route.office.lat, route.office.lng] as LatLngTuple,
      ...route.stops.map((stop) => [stop.lat, stop.lng] as LatLngTuple),
    ]);
    return points.length > 0 ? latLngBounds(points) : undefined;
  }, [routes]);
  return (
    <BaseMap height={height} label={label} bounds={bounds}>
      {routes.map((route) => (
        <Fragment key={route.branchCode}>
          <Polyline
            positions={[[route.office.lat, route.office.lng], ...route.stops.map((stop): LatLngTuple => [stop.lat, stop.lng])]}
            pathOptions={{ color: "#0b6b3a", weight: 3, dashArray: "6 6" }}
          />
          <CircleMarker center={[route.office.lat, route.office.lng]} radius={9} pathOptions={{ color: "#123e7c", fillOpacity: 0.9 }}>
            <Tooltip>{`${t("visits.route.office")} ${route.branchCode}`}</Tooltip>
          </CircleMarker>
          {route.stops.map((stop) => (
            <Marker key={stop.visitId} position={[stop.lat, stop.lng]} icon={numberIcon(stop.order)} title={`${stop.order}. ${stop.marketName}`}>
              <Tooltip>{`${stop.order}. ${stop.marketName}`}</Tooltip>
            </Marker>
          ))}
        </Fragment>
      ))}
    </BaseMap>
  );
}
