import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { readTraderForm, traderSaveResponse } from "../utils/trader-form.server";
import { loadTraderFormChoices } from "../models/traders.server";
import { createTrader } from "../models/trader-enrolment.server";
import { DEFAULT_NOMINAL } from "../domain/trader-form";
import { TraderForm, type TraderActionData } from "../components/trader-form";
import { mapLinks } from "../components/map/map-frame";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Daftarkan pedagang · Pasar Terlindungi" }];
export const links: LinksFunction = () => mapLinks();

const ROLES = ["admin", "regional_head", "branch_staff", "market_collector"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  const marketId = Number(new URL(request.url).searchParams.get("market")) || null;
  const choices = await loadTraderFormChoices(getDb(), user.scope);
  if (marketId != null && !choices.markets.some((market) => market.id === marketId)) throw notFound(request);
  return json({ ...choices, marketId });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  const read = await readTraderForm(request);
  if ("response" in read) return read.response;
  return traderSaveResponse(request, await createTrader(getDb(), user.scope, user.id, read.input), read.values, "created");
}

export default function NewTrader() {
  const { t } = useI18n();
  const { markets, programmes, table, marketId } = useLoaderData<typeof loader>();
  const result = useActionData<TraderActionData>();
  const defaults = { marketId: String(marketId ?? markets[0]?.id ?? ""), nominal: String(DEFAULT_NOMINAL), jht: "0", payerType: "mandiri", status: "registered" };
  return (
    <section className="narrow">
      <p><Link to={marketId ? `/traders?market=${marketId}` : "/traders"}>← {t("traders.title")}</Link></p>
      <h1>{t("traders.new")}</h1>
      <TraderForm markets={markets} programmes={programmes} table={table} values={result?.values ?? defaults} result={result} submitLabel={t("traders.add")} />
    </section>
  );
}
