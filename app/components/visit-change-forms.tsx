import { zoneAbbreviation } from "../domain/business-day";
import { useI18n } from "../i18n/react";
import { ConfirmButton, FieldError, PostForm, TextField } from "./forms";

// Rescheduling and cancelling a planned visit, each with the reason the history keeps.

function ReasonField({ form, label, error }: { form: string; label: string; error?: string }) {
  return (
    <div className="field">
      <label htmlFor={`${form}-reason`}>{label}</label>
      <textarea
        id={`${form}-reason`}
        name="reason"
        rows={2}
        maxLength={500}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${form}-reason-error` : undefined}
      />
      <FieldError id={`${form}-reason-error`} error={error} />
    </div>
  );
}

export function VisitChangeForms({
  visit,
  intent,
  errors = {},
}: {
  visit: { planned_date: string; planned_time: string | null; time_zone: string; today: string };
  intent?: string;
  errors?: Record<string, string>;
}) {
  const { t } = useI18n();
  const errorsOf = (name: string) => (intent === name ? errors : {});
  const reschedule = errorsOf("reschedule");
  return (
    <div className="visit-changes">
      <details className="card" open={intent === "reschedule"}>
        <summary>{t("visits.reschedule.title")}</summary>
        <PostForm noValidate>
          <input type="hidden" name="intent" value="reschedule" />
          <div className="field-row">
            <TextField
              name="plannedDate"
              label={t("visits.date")}
              error={reschedule.plannedDate}
              inputProps={{ type: "date", required: true, min: visit.today, defaultValue: visit.planned_date }}
            />
            <TextField
              name="plannedTime"
              label={t("visits.time", { zone: zoneAbbreviation(visit.time_zone) })}
              error={reschedule.plannedTime}
              inputProps={{ type: "time", defaultValue: visit.planned_time ?? "" }}
            />
          </div>
          <ReasonField form="reschedule" label={t("visits.reschedule.reason")} error={reschedule.reason} />
          <button type="submit">{t("visits.reschedule.submit")}</button>
        </PostForm>
      </details>
      <details className="card" open={intent === "cancel"}>
        <summary>{t("visits.cancel.title")}</summary>
        <PostForm noValidate>
          <input type="hidden" name="intent" value="cancel" />
          <ReasonField form="cancel" label={t("visits.cancel.reason")} error={errorsOf("cancel").reason} />
          <ConfirmButton className="danger" message={t("visits.cancel.confirm")}>{t("visits.cancel.title")}</ConfirmButton>
        </PostForm>
      </details>
    </div>
  );
}
