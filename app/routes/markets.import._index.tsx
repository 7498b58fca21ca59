import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { importPageAction } from "../utils/import-actions.server";
import { loadImportPage } from "../models/imports.server";
import { marketImport } from "../models/market-import.server";
import { MARKET_COLUMNS, MARKET_IMPORT_ROLES } from "../domain/import/market-rows";
import { IMPORT_LIMITS } from "../domain/import/table";
import { ImportPage } from "../components/import-page";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Impor pasar · Pasar Terlindungi" }];

const PAGE_URL = "/markets/import";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  const run = new URL(request.url).searchParams.get("run");
  const page = await loadImportPage(getDb(), user, marketImport, run ? requireIdParam(run) : null, Number(new URL(request.url).searchParams.get("page")) || 1);
  if (run && !page.shown) throw notFound(request);
  return json(page);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  return importPageAction(request, user, marketImport, PAGE_URL);
}

export default function MarketImport() {
  const { t } = useI18n();
  return (
    <ImportPage
      title={t("imports.markets.title")}
      intro="imports.markets.intro"
      back={{ to: "/markets", label: t("imports.backToMarkets") }}
      pageUrl={PAGE_URL}
      templateUrl="/markets/import/template"
      columns={MARKET_COLUMNS}
      limits={IMPORT_LIMITS}
      previewColumns={[
        { field: "name", label: "markets.name" },
        { field: "branch_code", label: "markets.branch" },
        { field: "code", label: "branches.code" },
        { field: "regency_code", label: "markets.regency" },
      ]}
      summaryMessage="imports.committed"
      done={{ to: "/markets", label: "imports.viewMarkets" }}
    />
  );
}
