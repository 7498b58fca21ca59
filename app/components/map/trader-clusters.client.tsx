import { useEffect, useMemo, useState } from "react";
import { Link } from "@remix-run/react";
import { CircleMarker, Marker, Popup, useMap } from "react-leaflet";
import type { LeafletEvent, Marker as LeafletMarker } from "leaflet";
import type { TraderCoverageStatus } from "../../../db/schema";
import { mapFilterParams, requestBbox, type MapFilters } from "../../domain/map-query";
import type { StatusCounts } from "../../domain/cluster";
import { useI18n } from "../../i18n/react";
import { STATUS_COLOURS } from "./map-legend";
import { clusterIcon, traderIcon } from "./icons.client";

// Browser-only: the traders of the current view, clustered by the server (GET /api/v1/map/traders).
// Refetched when the view or the filters change; a newer request cancels an older one. A cluster zooms in
// on click; one that cannot split further (a crowded market at the deepest zoom) lists its traders.

interface Trader {
  traderId: number;
  name: string;
  marketId: number;
  status: TraderCoverageStatus;
  pinned: boolean;
}

type TraderFeature = {
  id: string | number;
  geometry: { coordinates: [number, number] };
  properties: { cluster: true; clusterId: number; count: number; expansionZoom: number; counts: StatusCounts } | ({ cluster: false } & Trader);
};

export interface TraderClustersProps {
  filters: MapFilters;
  /** Market names for the popups (the endpoint sends ids only). */
  marketNames: Map<number, string>;
  /** Single traders become draggable; a drop reports the new point. */
  onMove?: (traderId: number, lat: number, lng: number) => void;
  /** Change it to fetch again (after a pin moved). */
  refreshKey?: number;
  onUnavailable?: (unavailable: boolean) => void;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

function TraderLine({ trader, marketNames }: { trader: Trader; marketNames: Map<number, string> }) {
  const { t } = useI18n();
  return (
    <>
      <Link to={`/traders/${trader.traderId}`}>{trader.name}</Link> · {t(`map.status.${trader.status}`)}
      {marketNames.has(trader.marketId) ? ` · ${marketNames.get(trader.marketId)}` : ""}
    </>
  );
}

type OpenCluster = { clusterId: number; count: number; position: [number, number] };

/** The traders of a cluster that cannot split further, fetched when its popup opens. */
function ClusterMembers({ open, query, marketNames, onClose }: { open: OpenCluster; query: string; marketNames: Map<number, string>; onClose: () => void }) {
  const { t, integer } = useI18n();
  const [traders, setTraders] = useState<Trader[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const params = new URLSearchParams(query);
    params.set("id", String(open.clusterId));
    const request = new AbortController();
    getJson<{ traders: Trader[] }>(`/api/v1/map/cluster?${params}`, request.signal).then(
      (body) => setTraders(body.traders),
      () => !request.signal.aborted && setFailed(true),
    );
    return () => request.abort();
  }, [open.clusterId, query]);
  return (
    <Popup position={open.position} eventHandlers={{ remove: onClose }}>
      <strong>{t("map.cluster.members", { count: integer(open.count) })}</strong>
      {failed ? <p>{t("map.tradersUnavailable")}</p> : null}
      {traders ? (
        <ul className="cluster-members">
          {traders.map((trader) => (
            <li key={trader.traderId}>
              <TraderLine trader={trader} marketNames={marketNames} />
            </li>
          ))}
        </ul>
      ) : null}
      {traders && traders.length < open.count ? <p className="muted">{t("map.cluster.more", { shown: integer(traders.length) })}</p> : null}
    </Popup>
  );
}

export default function TraderClusters({ filters, marketNames, onMove, refreshKey = 0, onUnavailable }: TraderClustersProps) {
  const { t } = useI18n();
  const map = useMap();
  const [features, setFeatures] = useState<TraderFeature[]>([]);
  const [openCluster, setOpenCluster] = useState<OpenCluster | null>(null);
  const query = useMemo(() => mapFilterParams(filters).toString(), [filters]);

  useEffect(() => {
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      const bounds = map.getBounds();
      const bbox = requestBbox([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]);
      if (!bbox) {
        setFeatures([]);
        return;
      }
      const params = new URLSearchParams(query);
      params.set("bbox", bbox.map((value) => value.toFixed(5)).join(","));
      params.set("zoom", String(Math.round(map.getZoom())));
      const request = new AbortController();
      controller = request;
      getJson<{ features: TraderFeature[] }>(`/api/v1/map/traders?${params}`, request.signal).then(
        (collection) => {
          setFeatures(collection.features);
          setOpenCluster(null);
          onUnavailable?.(false);
        },
        () => !request.signal.aborted && onUnavailable?.(true),
      );
    };
    load();
    map.on("moveend", load);
    return () => {
      map.off("moveend", load);
      controller?.abort();
    };
  }, [map, query, refreshKey, onUnavailable]);

  return (
    <>
      {features.map((feature) => {
        const [lng, lat] = feature.geometry.coordinates;
        const props = feature.properties;
        if (props.cluster) {
          const splits = props.expansionZoom <= map.getMaxZoom();
          return (
            <Marker
              key={feature.id}
              position={[lat, lng]}
              icon={clusterIcon(props.count, props.counts)}
              title={t(splits ? "map.cluster.label" : "map.cluster.list", { count: props.count })}
              eventHandlers={{
                click: () =>
                  splits ? map.setView([lat, lng], props.expansionZoom) : setOpenCluster({ clusterId: props.clusterId, count: props.count, position: [lat, lng] }),
              }}
            />
          );
        }
        const popup = (
          <Popup>
            <TraderLine trader={props} marketNames={marketNames} />
            <br />
            <span className="muted">{t(props.pinned ? "map.popup.pinned" : "map.popup.spread")}</span>
          </Popup>
        );
        if (onMove) {
          return (
            <Marker
              key={feature.id}
              position={[lat, lng]}
              icon={traderIcon(props.status)}
              title={props.name}
              draggable
              eventHandlers={{
                dragend: (event: LeafletEvent) => {
                  const point = (event.target as LeafletMarker).getLatLng();
                  onMove(props.traderId, point.lat, point.lng);
                },
              }}
            >
              {popup}
            </Marker>
          );
        }
        return (
          <CircleMarker key={feature.id} center={[lat, lng]} radius={6} pathOptions={{ color: "#ffffff", weight: 1.5, fillColor: STATUS_COLOURS[props.status], fillOpacity: 1 }}>
            {popup}
          </CircleMarker>
        );
      })}
      {openCluster ? <ClusterMembers key={openCluster.clusterId} open={openCluster} query={query} marketNames={marketNames} onClose={() => setOpenCluster(null)} /> : null}
    </>
  );
}
