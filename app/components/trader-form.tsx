import { Link, useNavigation } from "@remix-run/react";
import { lazy, Suspense, useState } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import type { LatLngTuple } from "leaflet";
import { checkNikAgainst, normalizeNik, parseNik } from "../domain/nik";
import { PAYER_TYPES, PremiumError, quotePremium, type RateTable } from "../domain/premium";
import { COMMODITIES, TRADER_STATUSES, traderProfile, type TraderWarning } from "../domain/trader-form";
import { isInsideIndonesia } from "../domain/geo";
import type { FieldErrors } from "../domain/user-form";
import type { TraderPayerType } from "../../db/schema";
import { useI18n } from "../i18n/react";
import { FieldError, PostForm, TextField } from "./forms";
import { ClientMap, MapPlaceholder } from "./map/map-frame";
import { PremiumBreakdown } from "./trader-premium";

const PinPicker = lazy(() => import("./map/pin-picker.client"));

export interface TraderFormMarket {
  id: number;
  name: string;
  branch_id: number;
  branch_code: string;
  lat: number | null;
  lng: number | null;
  /** The market's local date, YYYY-MM-DD. */
  today: string;
}

export interface TraderFormProgramme {
  id: number;
  name: string;
  payer_type: string;
  branch_id: number;
}

export type TraderFormValues = Record<string, string>;

export interface TraderActionData {
  errors?: FieldErrors;
  warnings?: TraderWarning[];
  duplicate?: { id: number; name: string; marketName: string };
  values?: TraderFormValues;
}

interface Props {
  markets: TraderFormMarket[];
  programmes: TraderFormProgramme[];
  table: RateTable & { allowedNominals: number[] };
  values: TraderFormValues;
  result?: TraderActionData;
  submitLabel: string;
}

/** NIK with what it encodes, and sex and birth date filled from it as it is typed (still editable). */
function IdentityFields({ today, values, errors }: { today: string; values: TraderFormValues; errors?: FieldErrors }) {
  const { t, date } = useI18n();
  const [nik, setNik] = useState(values.nik ?? "");
  const [sex, setSex] = useState(values.sex ?? "");
  const [birthDate, setBirthDate] = useState(values.birthDate ?? "");
  const complete = normalizeNik(nik).length >= 16;
  const parsed = complete ? parseNik(nik, today) : null;
  const mismatches = parsed?.ok ? checkNikAgainst(parsed, { birthDate: birthDate || null, sex: sex === "M" || sex === "F" ? sex : null }) : [];
  const onNik = (value: string) => {
    setNik(value);
    const read = parseNik(value, today);
    if (read.ok) {
      setSex(read.sex);
      setBirthDate(read.birthDate);
    }
  };
  return (
    <fieldset>
      <legend>{t("traders.identity")}</legend>
      <TextField
        name="nik"
        label={t("traders.nik")}
        error={errors?.nik}
        hint={t("traders.nikHint")}
        inputProps={{ value: nik, onChange: (e) => onNik(e.target.value), inputMode: "numeric", autoComplete: "off", required: true, maxLength: 24 }}
      />
      <div aria-live="polite" className="nik-reading">
        {parsed?.ok ? (
          <p className="hint">
            {t("traders.nikReads", {
              sex: t(`sex.${parsed.sex}`),
              birthDate: date(parsed.birthDate),
              age: parsed.age,
              place: parsed.regencyName ?? parsed.regencyCode,
            })}
          </p>
        ) : null}
        {parsed && !parsed.ok ? <p className="field-error">{parsed.errors.map((code) => t(code)).join(" ")}</p> : null}
        {[...(parsed?.ok ? parsed.warnings : []), ...mismatches].map((code) => (
          <p key={code} className="warning">{t(code)}</p>
        ))}
      </div>
      <TextField name="fullName" label={t("traders.fullName")} error={errors?.fullName} inputProps={{ defaultValue: values.fullName, required: true, autoComplete: "off" }} />
      <div className="field-row">
        <fieldset className="field radio-group">
          <legend>{t("traders.sex")}</legend>
          {(["M", "F"] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="sex" value={option} checked={sex === option} onChange={() => setSex(option)} />
              {t(`sex.${option}`)}
            </label>
          ))}
          <FieldError id="sex-error" error={errors?.sex} />
        </fieldset>
        <TextField
          name="birthDate"
          label={t("traders.birthDate")}
          error={errors?.birthDate}
          inputProps={{ type: "date", value: birthDate, onChange: (e) => setBirthDate(e.target.value) }}
        />
      </div>
    </fieldset>
  );
}

/** Who pays: the trader, or a regional-budget or sponsor programme of the market's branch. */
function PayerFields(props: {
  payerType: TraderPayerType;
  onPayerType: (payer: TraderPayerType) => void;
  programmes: TraderFormProgramme[];
  programmeId: string;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const { payerType, onPayerType, programmes, programmeId, errors } = props;
  const choices = programmes.filter((programme) => programme.payer_type === payerType);
  return (
    <>
      <fieldset className="field radio-group">
        <legend>{t("traders.payerType")}</legend>
        {PAYER_TYPES.map((payer) => (
          <label key={payer}>
            <input type="radio" name="payerType" value={payer} checked={payerType === payer} onChange={() => onPayerType(payer)} />
            {t(`payer.${payer}`)}
          </label>
        ))}
      </fieldset>
      {payerType !== "mandiri" ? (
        <div className="field">
          <label htmlFor="programmeId">{t("traders.programme")}</label>
          <select id="programmeId" name="programmeId" defaultValue={programmeId} key={payerType} aria-invalid={errors?.programmeId ? true : undefined}>
            <option value="">{t("traders.chooseProgramme")}</option>
            {choices.map((programme) => (
              <option key={programme.id} value={programme.id}>{programme.name}</option>
            ))}
          </select>
          {choices.length === 0 ? <p className="hint">{t("traders.noProgrammes")} <Link to="/programmes">{t("programmes.title")}</Link></p> : null}
          <FieldError id="programmeId-error" error={errors?.programmeId} />
        </div>
      ) : null}
    </>
  );
}

/** This month's premium, recomputed in the browser with the same engine and rate table as the server. */
function LivePremium({ table, month, nominal, jht, payerType }: { table: Props["table"]; month: string; nominal: number; jht: boolean; payerType: TraderPayerType }) {
  const { t } = useI18n();
  let content: React.ReactNode;
  try {
    content = <PremiumBreakdown quote={quotePremium(traderProfile({ nominal, jht, payerType }), month, table)} />;
  } catch (error) {
    if (!(error instanceof PremiumError)) throw error;
    content = <p className="field-error">{t(error.code)}</p>;
  }
  return (
    <section className="card premium-live" aria-live="polite" aria-label={t("traders.premiumLive")}>
      {content}
    </section>
  );
}

/** Optional stall pin: GPS at the stall, a click on the map, or typed coordinates. */
function StallPin({ values, center, errors }: { values: TraderFormValues; center: LatLngTuple; errors?: FieldErrors }) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const [lat, setLat] = useState(values.lat ?? "");
  const [lng, setLng] = useState(values.lng ?? "");
  const pick = (pickedLat: number, pickedLng: number) => {
    setLat(pickedLat.toFixed(6));
    setLng(pickedLng.toFixed(6));
  };
  const [la, ln] = [lat, lng].map((value) => (value.trim() ? Number(value.replace(",", ".")) : Number.NaN));
  const pin = isInsideIndonesia(la, ln) ? { lat: la, lng: ln } : null;
  return (
    <details className="card" open={Boolean(values.lat) || Boolean(errors?.lat)}>
      <summary>{t("traders.stallPin")}</summary>
      <p className="hint">{t("traders.stallPinHint")}</p>
      <ClientMap height={260}>
        {() => (
          <Suspense fallback={<MapPlaceholder height={260} />}>
            <PinPicker pin={pin} fallbackCenter={center} label={t("traders.stallPinMap")} onPick={pick} />
          </Suspense>
        )}
      </ClientMap>
      <div className="coord-inputs">
        <TextField name="lat" label={t("traders.lat")} error={errors?.lat} inputProps={{ value: lat, onChange: (e) => setLat(e.target.value), autoComplete: "off" }} />
        <TextField name="lng" label={t("traders.lng")} inputProps={{ value: lng, onChange: (e) => setLng(e.target.value), autoComplete: "off" }} />
      </div>
      {hydrated && "geolocation" in navigator ? (
        <button type="button" onClick={() => navigator.geolocation.getCurrentPosition((p) => pick(p.coords.latitude, p.coords.longitude))}>
          {t("traders.useMyLocation")}
        </button>
      ) : null}
    </details>
  );
}

function Problems({ result }: { result?: TraderActionData }) {
  const { t } = useI18n();
  if (result?.duplicate) {
    return (
      <div className="form-error" role="alert">
        <p>{t("traders.nikRegistered", { name: result.duplicate.name, market: result.duplicate.marketName })}</p>
        <Link to={`/traders/${result.duplicate.id}`}>{t("traders.openExisting")}</Link>
      </div>
    );
  }
  if (!result?.warnings?.length) return null;
  return (
    <div className="warning" role="alert">
      <p>{t("traders.warningsIntro")}</p>
      <ul>{result.warnings.map((code) => <li key={code}>{t(code)}</li>)}</ul>
      <label className="check">
        <input type="checkbox" name="confirmWarnings" value={result.warnings.join(",")} />
        {t("traders.confirmWarnings")}
      </label>
    </div>
  );
}

export function TraderForm({ markets, programmes, table, values, result, submitLabel }: Props) {
  const { t, rupiah } = useI18n();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors;
  const [marketId, setMarketId] = useState(values.marketId ?? String(markets[0]?.id ?? ""));
  const [nominal, setNominal] = useState(values.nominal || String(table.allowedNominals[0] ?? ""));
  const [jht, setJht] = useState(values.jht === "1");
  const [payerType, setPayerType] = useState((values.payerType || "mandiri") as TraderPayerType);
  const market = markets.find((m) => String(m.id) === marketId) ?? markets[0];
  if (!market) return <p className="empty">{t("traders.noMarkets")}</p>;
  const center: LatLngTuple = market.lat != null && market.lng != null ? [market.lat, market.lng] : [-0.03, 109.33];
  return (
    <PostForm noValidate>
      <div className="field">
        <label htmlFor="marketId">{t("traders.market")}</label>
        <select id="marketId" name="marketId" value={marketId} onChange={(e) => setMarketId(e.target.value)}>
          {markets.map((m) => (
            <option key={m.id} value={m.id}>{`${m.name} · ${m.branch_code}`}</option>
          ))}
        </select>
        <FieldError id="marketId-error" error={errors?.marketId} />
      </div>
      <IdentityFields today={market.today} values={values} errors={errors} />
      <fieldset>
        <legend>{t("traders.contactAndStall")}</legend>
        <TextField name="phone" label={t("traders.phone")} error={errors?.phone} hint={t("traders.phoneHint")} inputProps={{ defaultValue: values.phone, type: "tel", autoComplete: "off" }} />
        <label className="check">
          <input type="checkbox" name="whatsapp" value="1" defaultChecked={values.whatsapp === "1"} />
          {t("traders.whatsapp")}
        </label>
        <TextField name="stall" label={t("traders.stall")} error={errors?.stall} hint={t("traders.stallHint")} inputProps={{ defaultValue: values.stall }} />
        <div className="field">
          <label htmlFor="commodity">{t("traders.commodity")}</label>
          <select id="commodity" name="commodity" defaultValue={values.commodity || "vegetables"}>
            {COMMODITIES.map((c) => <option key={c} value={c}>{t(`commodity.${c}`)}</option>)}
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("traders.participation")}</legend>
        <div className="field">
          <label htmlFor="nominal">{t("traders.nominal")}</label>
          <select id="nominal" name="nominal" value={nominal} onChange={(e) => setNominal(e.target.value)} aria-invalid={errors?.nominal ? true : undefined}>
            {table.allowedNominals.map((n) => <option key={n} value={n}>{rupiah(n)}</option>)}
          </select>
          <p className="hint">{t("traders.nominalHint")}</p>
          <FieldError id="nominal-error" error={errors?.nominal} />
        </div>
        <fieldset className="field radio-group">
          <legend>{t("traders.jht")}</legend>
          <label><input type="radio" name="jht" value="0" checked={!jht} onChange={() => setJht(false)} />{t("traders.jhtNo")}</label>
          <label><input type="radio" name="jht" value="1" checked={jht} onChange={() => setJht(true)} />{t("traders.jhtYes")}</label>
        </fieldset>
        <PayerFields
          payerType={payerType}
          onPayerType={setPayerType}
          programmes={programmes.filter((p) => p.branch_id === market.branch_id)}
          programmeId={values.programmeId ?? ""}
          errors={errors}
        />
        <TextField name="kpj" label={t("traders.kpj")} error={errors?.kpj} hint={t("traders.kpjHint")} inputProps={{ defaultValue: values.kpj, inputMode: "numeric", autoComplete: "off" }} />
        <div className="field-row">
          <div className="field">
            <label htmlFor="status">{t("traders.status")}</label>
            <select id="status" name="status" defaultValue={values.status || "registered"}>
              {TRADER_STATUSES.map((s) => <option key={s} value={s}>{t(`traders.status.${s}`)}</option>)}
            </select>
          </div>
          <TextField
            name="coverageStartMonth"
            label={t("traders.coverageStart")}
            error={errors?.coverageStartMonth}
            inputProps={{ type: "month", defaultValue: values.coverageStartMonth || market.today.slice(0, 7) }}
          />
        </div>
      </fieldset>
      <LivePremium table={table} month={market.today.slice(0, 7)} nominal={Number(nominal)} jht={jht} payerType={payerType} />
      <StallPin values={values} center={center} errors={errors} />
      <Problems result={result} />
      <FieldError id="form-error" error={errors?.form} />
      <button type="submit" className="primary" disabled={busy}>{submitLabel}</button>
    </PostForm>
  );
}
