import { useEffect } from "react";
import { Marker, useMap, useMapEvents } from "react-leaflet";
import { divIcon, type LatLngTuple, type LeafletEvent, type Marker as LeafletMarker } from "leaflet";
import BaseMap from "./base-map.client";

// Browser-only: render through <ClientMap>. The lat/lng inputs beside it stay the source of truth.

const PIN_ICON = divIcon({ className: "pin-icon", html: "<span></span>", iconSize: [28, 28], iconAnchor: [14, 28] });

function ClickToPlace({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (event) => onPick(event.latlng.lat, event.latlng.lng) });
  return null;
}

/** Pans when the pin (typed in) or the fallback centre (another branch chosen) leaves the view. */
function KeepInView({ target }: { target: LatLngTuple }) {
  const map = useMap();
  const [lat, lng] = target;
  useEffect(() => {
    if (!map.getBounds().contains([lat, lng])) map.panTo([lat, lng]);
  }, [map, lat, lng]);
  return null;
}

export interface PinPickerProps {
  pin: { lat: number; lng: number } | null;
  /** Where to look when there is no pin yet: the branch town. */
  fallbackCenter: LatLngTuple;
  label: string;
  onPick: (lat: number, lng: number) => void;
}

/** Click drops the pin, dragging moves it; both report the new point through `onPick`. */
export default function PinPicker({ pin, fallbackCenter, label, onPick }: PinPickerProps) {
  const target: LatLngTuple = pin ? [pin.lat, pin.lng] : fallbackCenter;
  return (
    <BaseMap center={target} zoom={pin ? 16 : 13} height={300} label={label}>
      <ClickToPlace onPick={onPick} />
      <KeepInView target={target} />
      {pin ? (
        <Marker
          position={[pin.lat, pin.lng]}
          icon={PIN_ICON}
          draggable
          keyboard={false}
          eventHandlers={{
            dragend: (event: LeafletEvent) => {
              const point = (event.target as LeafletMarker).getLatLng();
              onPick(point.lat, point.lng);
            },
          }}
        />
      ) : null}
    </BaseMap>
  );
}
