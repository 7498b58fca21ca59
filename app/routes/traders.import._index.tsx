import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { importPageAction } from "../utils/import-actions.server";
import { loadImportPage, type ImportUser } from "../models/imports.server";
import { findImportMarket, traderImport } from "../models/trader-import.server";
import { listMarketChoices } from "../models/traders.server";
import { TRADER_COLUMNS, TRADER_IMPORT_LIMITS, TRADER_IMPORT_ROLES } from "../domain/import/trader-rows";
import { ImportPage } from "../components/import-page";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Impor pedagang · Pasar Terlindungi" }];

const pageUrl = (marketId: number) => `/traders/import?market=${marketId}`;

/** The import into the market named by `?market=` (404 outside the caller's scope). */
async function marketImportOf(request: Request, user: ImportUser, marketText: string) {
  const market = await findImportMarket(getDb(), user.scope, requireIdParam(marketText));
  if (!market) throw notFound(request);
  return { market, definition: traderImport(market) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: TRADER_IMPORT_ROLES });
  const params = new URL(request.url).searchParams;
  const marketText = params.get("market");
  if (!marketText) {
    const markets = await listMarketChoices(getDb(), user.scope);
    // A collector has one market: straight to it.
    if (markets.length === 1) throw redirect(pageUrl(markets[0].id));
    return json({ choose: markets.map((m) => ({ id: m.id, name: m.name, branchCode: m.branch_code })) });
  }
  const { market, definition } = await marketImportOf(request, user, marketText);
  const run = params.get("run");
  const page = await loadImportPage(getDb(), user, definition, run ? requireIdParam(run) : null, Number(params.get("page")) || 1);
  if (run && !page.shown) throw notFound(request);
  return json({ market: { id: market.id, name: market.name }, ...page });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: TRADER_IMPORT_ROLES });
  const { market, definition } = await marketImportOf(request, user, new URL(request.url).searchParams.get("market") ?? "");
  return importPageAction(request, user, definition, pageUrl(market.id));
}

type LoaderData = { choose: { id: number; name: string; branchCode: string }[] } | { market: { id: number; name: string } };

export default function TraderImport() {
  const { t } = useI18n();
  const data = useLoaderData<typeof loader>() as LoaderData;
  if ("choose" in data) return <MarketChoice markets={data.choose} />;
  const { market } = data;
  return (
    <ImportPage
      title={t("imports.traders.title", { market: market.name })}
      intro="imports.traders.intro"
      back={{ to: `/markets/${market.id}`, label: t("imports.backToMarket", { market: market.name }) }}
      pageUrl={pageUrl(market.id)}
      templateUrl="/traders/import/template"
      columns={TRADER_COLUMNS}
      limits={TRADER_IMPORT_LIMITS}
      previewColumns={[
        { field: "nik", label: "traders.nik" },
        { field: "fullName", label: "traders.fullName" },
        { field: "stall", label: "traders.stall" },
      ]}
      summaryMessage="imports.traders.committed"
      done={{ to: `/traders?market=${market.id}`, label: "imports.viewTraders" }}
    />
  );
}

function MarketChoice({ markets }: { markets: { id: number; name: string; branchCode: string }[] }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("imports.traders.chooseMarket")}</h1>
      {markets.length === 0 ? (
        <p className="empty">{t("traders.noMarkets")}</p>
      ) : (
        <Form method="get" className="card filters">
          <div className="field">
            <label htmlFor="import-market">{t("traders.market")}</label>
            <select id="import-market" name="market" required>
              {markets.map((m) => (
                <option key={m.id} value={m.id}>{`${m.branchCode} · ${m.name}`}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">{t("imports.traders.open")}</button>
        </Form>
      )}
    </>
  );
}
