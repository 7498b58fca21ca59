import { useState } from "react";
import { DEPOSIT_CHANNELS, depositDifference, NOTE_MAX, REFERENCE_MAX } from "../domain/deposit-form";
import { parseRupiah } from "../domain/money";
import { FieldError, PostForm, TextField } from "./forms";
import { Difference } from "./deposit-parts";
import { useI18n } from "../i18n/react";

export interface CoverableDay {
  date: string;
  counted: number;
  recorded_total: number | null;
  variance: number | null;
  note: string | null;
}

interface Props {
  marketId: number;
  today: string;
  days: CoverableDay[];
  errors: Record<string, string>;
  values?: Record<string, unknown>;
  busy: boolean;
}

/** The deposit form: the closed days to cover (all ticked at first), what they counted, and the difference. */
export function DepositForm({ marketId, today, days, errors, values, busy }: Props) {
  const { t, rupiah, date } = useI18n();
  const initialDays = Array.isArray(values?.days) ? (values.days as string[]) : days.map((day) => day.date);
  const [chosen, setChosen] = useState<Set<string>>(new Set(initialDays));
  const counted = days.filter((day) => chosen.has(day.date)).reduce((total, day) => total + day.counted, 0);
  // The amount follows the ticked days' counted cash until the person types their own.
  const [typedAmount, setTypedAmount] = useState<string | null>(values?.amount != null ? String(values.amount) : null);
  const amountText = typedAmount ?? String(counted);
  const amount = parseRupiah(amountText);
  const difference = amount == null ? 0 : depositDifference(amount, counted);
  const toggle = (day: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(day)) next.delete(day);
      else next.add(day);
      return next;
    });
  const text = (name: string, fallback = "") => (values?.[name] != null ? String(values[name]) : fallback);
  return (
    <PostForm className="card deposit-form" noValidate>
      <input type="hidden" name="marketId" value={marketId} />
      <fieldset>
        <legend>{t("deposits.days")}</legend>
        <p className="hint">{t("deposits.daysHint")}</p>
        <ul className="plain-list deposit-days">
          {days.map((day) => (
            <li key={day.date}>
              <label>
                <input type="checkbox" name="days" value={day.date} checked={chosen.has(day.date)} onChange={() => toggle(day.date)} />
                <span>{date(day.date)}</span>
                <span className="num">{rupiah(day.counted)}</span>
                {day.variance ? <span className="muted">{t("deposits.variance")}: <Difference amount={day.variance} /></span> : null}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="days-error" error={errors.days} />
        <p aria-live="polite">{t("deposits.selectedCounted", { amount: rupiah(counted) })}</p>
      </fieldset>
      <div className="field">
        <label htmlFor="channel">{t("deposits.channel")}</label>
        <select id="channel" name="channel" defaultValue={text("channel", "BRI")}>
          {DEPOSIT_CHANNELS.map((channel) => <option key={channel} value={channel}>{t(`deposits.channel.${channel}`)}</option>)}
        </select>
        <FieldError id="channel-error" error={errors.channel} />
      </div>
      <TextField
        name="reference"
        label={t("deposits.reference")}
        error={errors.reference}
        inputProps={{ defaultValue: text("reference"), maxLength: REFERENCE_MAX, required: true, autoComplete: "off" }}
      />
      <TextField
        name="amount"
        label={t("deposits.amount")}
        error={errors.amount}
        inputProps={{ value: amountText, onChange: (event) => setTypedAmount(event.target.value), inputMode: "numeric", required: true }}
      />
      <TextField
        name="depositDate"
        label={t("deposits.depositDate")}
        error={errors.depositDate}
        inputProps={{ type: "date", defaultValue: text("depositDate", today), max: today, required: true }}
      />
      {difference !== 0 ? (
        <p role="status" className="warning">{t("deposits.differenceExplained", { amount: rupiah(difference) })}</p>
      ) : null}
      <div className="field">
        <label htmlFor="note">{t("deposits.note")}</label>
        <textarea
          id="note"
          name="note"
          rows={3}
          maxLength={NOTE_MAX}
          defaultValue={text("note")}
          required={difference !== 0}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "note-error" : undefined}
        />
        <FieldError id="note-error" error={errors.note} />
      </div>
      <button type="submit" className="primary" disabled={busy}>{t("deposits.save")}</button>
    </PostForm>
  );
}
