import { useState } from "react";
import type { Role } from "../../db/schema";
import { ROLES } from "../domain/scope";
import { useI18n } from "../i18n/react";
import { FieldError, TextField } from "./forms";

export interface PlacementOptions {
  regions: { id: number; name: string }[];
  branches: { id: number; code: string; name: string }[];
  markets: { id: number; name: string; branch_code: string }[];
}

export interface UserFormValues {
  name: string;
  email: string;
  role: Role;
  regionId: number | string | null;
  branchId: number | string | null;
  marketId: number | string | null;
}

const SCOPE_FIELD: Record<Role, "regionId" | "branchId" | "marketId" | null> = {
  admin: null,
  regional_head: "regionId",
  branch_staff: "branchId",
  market_collector: "marketId",
};

/** Name, email, role and the one area the role needs; the other area pickers stay hidden. */
export function UserFields({
  options,
  values,
  errors,
}: {
  options: PlacementOptions;
  values?: Partial<UserFormValues>;
  errors?: Record<string, string>;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>(values?.role ?? "branch_staff");
  const scopeField = SCOPE_FIELD[role];
  const select = (
    field: "regionId" | "branchId" | "marketId",
    label: string,
    current: number | string | null | undefined,
    choices: { id: number; label: string }[],
  ) =>
    scopeField === field ? (
      <div className="field">
        <label htmlFor={field}>{label}</label>
        <select id={field} name={field} defaultValue={current ?? ""} aria-invalid={errors?.[field] ? true : undefined}>
          <option value="">—</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>{choice.label}</option>
          ))}
        </select>
        <FieldError id={`${field}-error`} error={errors?.[field]} />
      </div>
    ) : null;
  return (
    <>
      <TextField name="name" label={t("users.name")} error={errors?.name} inputProps={{ defaultValue: values?.name, required: true }} />
      <TextField
        name="email"
        label={t("users.email")}
        error={errors?.email}
        inputProps={{ type: "email", defaultValue: values?.email, required: true }}
      />
      <div className="field">
        <label htmlFor="role">{t("users.role")}</label>
        <select id="role" name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>{t(`role.${option}`)}</option>
          ))}
        </select>
      </div>
      {select("regionId", t("users.region"), values?.regionId, options.regions.map((r) => ({ id: r.id, label: r.name })))}
      {select("branchId", t("users.branch"), values?.branchId, options.branches.map((b) => ({ id: b.id, label: `${b.code} · ${b.name}` })))}
      {select("marketId", t("users.market"), values?.marketId, options.markets.map((m) => ({ id: m.id, label: `${m.name} (${m.branch_code})` })))}
    </>
  );
}
