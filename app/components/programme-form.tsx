import { useNavigation } from "@remix-run/react";
import { PROGRAMME_PAYER_TYPES, MAX_MONTHS_COVERED } from "../domain/programmes";
import type { FieldErrors } from "../domain/user-form";
import { useI18n } from "../i18n/react";
import { FieldError, PostForm, TextField } from "./forms";

export interface ProgrammeFormResult {
  errors?: FieldErrors;
  values?: Record<string, string>;
}

/** A new APBD or sponsor programme of a branch. */
export function ProgrammeForm({ branches, result, startMonth }: { branches: { id: number; code: string; name: string }[]; result?: ProgrammeFormResult; startMonth: string }) {
  const { t } = useI18n();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <PostForm className="card" aria-labelledby="add-programme-heading" noValidate>
      <h2 id="add-programme-heading">{t("programmes.add")}</h2>
      <div className="field">
        <label htmlFor="branchId">{t("programmes.branch")}</label>
        <select id="branchId" name="branchId" defaultValue={values.branchId ?? String(branches[0]?.id ?? "")}>
          {branches.map((branch) => <option key={branch.id} value={branch.id}>{`${branch.code} · ${branch.name}`}</option>)}
        </select>
        <FieldError id="branchId-error" error={errors?.branchId} />
      </div>
      <TextField name="name" label={t("programmes.name")} error={errors?.name} inputProps={{ defaultValue: values.name, required: true }} />
      <fieldset className="field radio-group">
        <legend>{t("programmes.payerType")}</legend>
        {PROGRAMME_PAYER_TYPES.map((payer) => (
          <label key={payer}>
            <input type="radio" name="payerType" value={payer} defaultChecked={(values.payerType ?? "apbd") === payer} />
            {t(`payer.${payer}`)}
          </label>
        ))}
        <FieldError id="payerType-error" error={errors?.payerType} />
      </fieldset>
      <TextField name="sponsorName" label={t("programmes.sponsorName")} error={errors?.sponsorName} hint={t("programmes.sponsorNameHint")} inputProps={{ defaultValue: values.sponsorName, required: true }} />
      <div className="field-row">
        <TextField name="budget" label={t("programmes.budgetInput")} error={errors?.budget} inputProps={{ defaultValue: values.budget, inputMode: "numeric", required: true }} />
        <TextField
          name="monthsCovered"
          label={t("programmes.monthsCovered")}
          error={errors?.monthsCovered}
          inputProps={{ type: "number", min: 1, max: MAX_MONTHS_COVERED, defaultValue: values.monthsCovered ?? "12" }}
        />
      </div>
      <TextField name="startMonth" label={t("programmes.startMonth")} error={errors?.startMonth} inputProps={{ type: "month", defaultValue: values.startMonth ?? startMonth }} />
      <button type="submit" className="primary" disabled={busy}>{t("programmes.add")}</button>
    </PostForm>
  );
}
