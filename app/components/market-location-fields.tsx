import { lazy, Suspense, useState } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import type { LatLngTuple } from "leaflet";
import { APPROXIMATE_PRECISIONS, LOCATION_CHECKS } from "../domain/market-form";
import { pinFromText } from "../domain/geo";
import type { FieldErrors } from "../domain/user-form";
import { useI18n } from "../i18n/react";
import { FieldError, TextField } from "./forms";
import { ClientMap, MapPlaceholder } from "./map/map-frame";

const PinPicker = lazy(() => import("./map/pin-picker.client"));

export interface LocationDefaults {
  lat: string;
  lng: string;
  coordPrecision: string;
  locationVerifiedVia: string;
}

/**
 * Coordinates typed or picked on the map (the inputs work without it), how the pin was confirmed,
 * and the precision of an unconfirmed pin.
 */
export function LocationFields({ defaults, errors, fallbackCenter }: { defaults: LocationDefaults; errors?: FieldErrors; fallbackCenter: LatLngTuple }) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const [lat, setLat] = useState(defaults.lat);
  const [lng, setLng] = useState(defaults.lng);
  const [via, setVia] = useState(defaults.locationVerifiedVia);
  const [gpsFailed, setGpsFailed] = useState(false);
  const pick = (pickedLat: number, pickedLng: number) => {
    setLat(pickedLat.toFixed(6));
    setLng(pickedLng.toFixed(6));
  };
  const locateDevice = () => {
    setGpsFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        pick(position.coords.latitude, position.coords.longitude);
        setVia("site");
      },
      () => setGpsFailed(true),
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  };
  const pin = pinFromText(lat, lng);
  return (
    <fieldset className="card">
      <legend>{t("markets.location")}</legend>
      <p className="hint">{t("markets.locationHint")}</p>
      <ClientMap height={300}>
        {() => (
          <Suspense fallback={<MapPlaceholder height={300} />}>
            <PinPicker pin={pin} fallbackCenter={fallbackCenter} label={t("markets.pinMap")} onPick={pick} />
          </Suspense>
        )}
      </ClientMap>
      <div className="coord-inputs">
        <TextField name="lat" label={t("markets.lat")} error={errors?.lat} inputProps={{ value: lat, onChange: (e) => setLat(e.target.value), autoComplete: "off" }} />
        <TextField name="lng" label={t("markets.lng")} error={errors?.lng} inputProps={{ value: lng, onChange: (e) => setLng(e.target.value), autoComplete: "off" }} />
      </div>
      {hydrated && "geolocation" in navigator ? (
        <button type="button" onClick={locateDevice}>{t("markets.useMyLocation")}</button>
      ) : null}
      {gpsFailed ? <p className="hint" role="status">{t("markets.gpsUnavailable")}</p> : null}
      <FieldError id="location-error" error={errors?.location} />
      <fieldset className="radio-group">
        <legend>{t("markets.locationCheck")}</legend>
        {["", ...LOCATION_CHECKS].map((option) => (
          <label key={option || "none"}>
            <input type="radio" name="locationVerifiedVia" value={option} checked={via === option} onChange={() => setVia(option)} />
            {t(`markets.locationCheck.${(option || "none") as "none" | "site" | "desk"}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="coordPrecision">{t("markets.approxPrecision")}</label>
        <select id="coordPrecision" name="coordPrecision" defaultValue={defaults.coordPrecision} aria-describedby="coordPrecision-hint">
          {APPROXIMATE_PRECISIONS.map((precision) => (
            <option key={precision} value={precision}>{t(`precision.${precision}`)}</option>
          ))}
        </select>
        <p className="hint" id="coordPrecision-hint">{t("markets.approxPrecisionHint")}</p>
      </div>
    </fieldset>
  );
}
