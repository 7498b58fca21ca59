import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listBranchProgress } from "../models/progress.server";
import { currentCampaignYear, requestedYear } from "../domain/target-form";
import { ProgressTable } from "../components/progress-table";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Kemajuan · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const now = new Date();
  const year = requestedYear(new URL(request.url).searchParams.get("year"), now);
  return json({ year, currentYear: currentCampaignYear(now), rows: await listBranchProgress(getDb(), user.scope, { year, now }) });
}

export default function Progress() {
  const { t } = useI18n();
  const { year, currentYear, rows } = useLoaderData<typeof loader>();
  const met = rows.filter((row) => row.light === "green").length;
  return (
    <>
      <h1>{t("progress.title", { year })}</h1>
      <Form method="get" className="filters">
        <label>
          {t("progress.year")}
          <select name="year" defaultValue={year}>
            {[currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map((option) => (
              <option key={option} value={option}>{option}</option>
            ))}
          </select>
        </label>
        <button type="submit">{t("progress.show")}</button>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t("progress.empty")}</p>
      ) : (
        <>
          <p className="big-line" aria-live="polite">{t("progress.summary", { met, total: rows.length })}</p>
          <p className="muted">{t("progress.rule")}</p>
          <ProgressTable rows={rows} />
        </>
      )}
    </>
  );
}
