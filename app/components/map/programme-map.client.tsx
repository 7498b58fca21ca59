import { useEffect, useState } from "react";
import { Link } from "@remix-run/react";
import { GeoJSON, Marker, Pane, Popup } from "react-leaflet";
import { latLngBounds, type LatLngTuple, type LeafletEvent, type Marker as LeafletMarker } from "leaflet";
import type { Feature, FeatureCollection } from "geojson";
import type { MarketStage } from "../../../db/schema";
import type { MapFilters } from "../../domain/map-query";
import { totalOf, type StatusCounts } from "../../domain/cluster";
import { choroplethClass } from "../../domain/boundaries";
import { TRADER_MAP_STATUSES } from "../../domain/map-query";
import { useI18n } from "../../i18n/react";
import BaseMap from "./base-map.client";
import TraderClusters from "./trader-clusters.client";
import { AREA_COLOURS, STATUS_COLOURS, type LayerVisibility } from "./map-legend";
import { marketIcon, officeIcon } from "./icons.client";

// Browser-only: the /map page's map. Layers: the admin's areas shaded by traders, branch offices,
// markets by stage (gold ring = MoU in force) and the server-clustered traders.

export interface MapOffice {
  id: number;
  code: string;
  name: string;
  town: string;
  lat: number;
  lng: number;
}

export interface MapMarket {
  id: number;
  name: string;
  branch_code: string;
  stage: MarketStage;
  lat: number | null;
  lng: number | null;
  mou_in_force: boolean;
  traders: StatusCounts;
}

export type PinKind = "market" | "trader";

export interface ProgrammeMapProps {
  offices: MapOffice[];
  markets: MapMarket[];
  filters: MapFilters;
  areas: { boundaryId: number; counts: Record<string, number>; limits: number[] } | null;
  visible: LayerVisibility;
  /** Pins become draggable and a drop calls back. */
  onMovePin: ((kind: PinKind, id: number, lat: number, lng: number) => void) | null;
  refreshKey: number;
  linkOffices: boolean;
  height: number;
  label: string;
  onTradersUnavailable: (unavailable: boolean) => void;
}

const dragPoint = (event: LeafletEvent) => (event.target as LeafletMarker).getLatLng();

/** The admin's boundary file, fetched once per upload (its id changes with each one). */
let areaRequest: { id: number; data: Promise<FeatureCollection> } | null = null;

function fetchAreas(boundaryId: number): Promise<FeatureCollection> {
  if (areaRequest?.id !== boundaryId) {
    const data = fetch("/api/v1/map/boundaries").then((response) =>
      response.ok ? (response.json() as Promise<FeatureCollection>) : Promise.reject(new Error(String(response.status))),
    );
    areaRequest = { id: boundaryId, data };
    data.catch(() => (areaRequest = null));
  }
  return areaRequest.data;
}

function AreaLayer({ boundaryId, counts, limits }: NonNullable<ProgrammeMapProps["areas"]>) {
  const { t, integer } = useI18n();
  const [areas, setAreas] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    fetchAreas(boundaryId).then(
      (data) => live && setAreas(data),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boundaryId]);
  if (!areas) return null;
  const countOf = (feature?: Feature) => counts[String(feature?.properties?.code)] ?? 0;
  return (
    <Pane name="areas" style={{ zIndex: 350 }}>
      <GeoJSON
        // Styles are set when the layer is created: a new key redraws it when the counts change.
        key={JSON.stringify(counts)}
        data={areas}
        style={(feature) => {
          const shade = choroplethClass(countOf(feature), limits);
          // Areas without traders stay faint so the base map shows through.
          return { color: "#4a5568", weight: 1, fillColor: AREA_COLOURS[shade], fillOpacity: shade === 0 ? 0.15 : 0.6 };
        }}
        onEachFeature={(feature, layer) =>
          layer.bindTooltip(`${feature.properties?.name ?? ""}: ${t("map.popup.traders", { count: integer(countOf(feature)) })}`, { sticky: true })
        }
      />
    </Pane>
  );
}

function MarketPopup({ market }: { market: MapMarket }) {
  const { t, integer } = useI18n();
  const total = totalOf(market.traders);
  return (
    <Popup>
      <strong>{market.name}</strong>
      <br />
      {market.branch_code} · {t(`stage.${market.stage}`)}
      <br />
      {t(market.mou_in_force ? "map.popup.mouInForce" : "map.popup.noMou")}
      <br />
      {t("map.popup.traders", { count: integer(total) })}
      {total > 0 ? (
        <ul className="popup-counts">
          {TRADER_MAP_STATUSES.map((status) => (
            <li key={status}>
              <span className="legend-swatch legend-dot" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" /> {t(`map.status.${status}`)}:{" "}
              {integer(market.traders[status])}
            </li>
          ))}
        </ul>
      ) : null}
      <Link to={`/markets/${market.id}`}>{t("map.popup.openMarket")}</Link>
    </Popup>
  );
}

export default function ProgrammeMap(props: ProgrammeMapProps) {
  const { t } = useI18n();
  const { offices, filters, visible, onMovePin, refreshKey, height, label } = props;
  const markets = props.markets.filter((market): market is MapMarket & { lat: number; lng: number } => market.lat != null && market.lng != null);
  // Fitted once per mount (the page remounts the map when the filters change), not after each pin move.
  const [bounds] = useState(() => {
    const points: LatLngTuple[] = [...offices, ...markets].map((place) => [place.lat, place.lng]);
    return points.length > 0 ? latLngBounds(points) : undefined;
  });
  const [marketNames] = useState(() => new Map(props.markets.map((market) => [market.id, market.name])));
  return (
    <BaseMap bounds={bounds} height={height} label={label} scrollWheelZoom>
      {visible.areas && props.areas ? <AreaLayer {...props.areas} /> : null}
      {visible.offices
        ? offices.map((office) => (
            <Marker key={office.id} position={[office.lat, office.lng]} icon={officeIcon} title={`${office.code} ${office.name}`}>
              <Popup>
                <strong>{office.name}</strong>
                <br />
                {office.code} · {office.town}
                {props.linkOffices ? (
                  <>
                    <br />
                    <Link to={`/branches/${office.id}`}>{t("map.popup.openBranch")}</Link>
                  </>
                ) : null}
              </Popup>
            </Marker>
          ))
        : null}
      {visible.traders ? (
        <TraderClusters
          filters={filters}
          marketNames={marketNames}
          refreshKey={refreshKey}
          onMove={onMovePin ? (id, lat, lng) => onMovePin("trader", id, lat, lng) : undefined}
          onUnavailable={props.onTradersUnavailable}
        />
      ) : null}
      {visible.markets
        ? markets.map((market) => (
            <Marker
              key={`${market.id}:${market.lat}:${market.lng}`}
              position={[market.lat, market.lng]}
              icon={marketIcon(market.stage, market.mou_in_force)}
              title={market.name}
              zIndexOffset={1000}
              draggable={onMovePin != null}
              eventHandlers={onMovePin ? { dragend: (event) => onMovePin("market", market.id, dragPoint(event).lat, dragPoint(event).lng) } : undefined}
            >
              <MarketPopup market={market} />
            </Marker>
          ))
        : null}
    </BaseMap>
  );
}
