import { Form, useSubmit } from "@remix-run/react";
import { ALL_STAGES } from "../../domain/pipeline";
import { TRADER_MAP_STATUSES, type MapFilters } from "../../domain/map-query";
import { useI18n } from "../../i18n/react";

/**
 * The map's filters as a plain GET form, so a filtered map is a link; choosing a value applies it
 * at once (the button stays for keyboard users and a page without JavaScript).
 */
export function MapFilterForm({ filters, branches }: { filters: MapFilters; branches: { id: number; code: string; name: string }[] }) {
  const { t } = useI18n();
  const submit = useSubmit();
  return (
    <Form method="get" className="filters map-filters" aria-label={t("map.filters")} onChange={(event) => submit(event.currentTarget)}>
      {branches.length > 0 ? (
        <label>
          {t("map.filter.branch")}
          <select name="branch" defaultValue={filters.branchId ?? ""}>
            <option value="">{t("map.filter.allBranches")}</option>
            {branches.map((branch) => (
              <option key={branch.id} value={branch.id}>{`${branch.code} · ${branch.name}`}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t("map.filter.stage")}
        <select name="stage" defaultValue={filters.stage ?? ""}>
          <option value="">{t("map.filter.allStages")}</option>
          {ALL_STAGES.map((stage) => (
            <option key={stage} value={stage}>{t(`stage.${stage}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t("map.filter.status")}
        <select name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("map.filter.allStatuses")}</option>
          {TRADER_MAP_STATUSES.map((status) => (
            <option key={status} value={status}>{t(`map.status.${status}`)}</option>
          ))}
        </select>
      </label>
      <button type="submit">{t("map.filter.apply")}</button>
    </Form>
  );
}
