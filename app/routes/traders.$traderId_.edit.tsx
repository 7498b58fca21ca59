import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { readTraderForm, traderSaveResponse } from "../utils/trader-form.server";
import { findTrader, loadTraderEditor } from "../models/traders.server";
import { updateTrader } from "../models/trader-enrolment.server";
import { traderFormValues } from "../domain/trader-form";
import { TraderForm, type TraderActionData } from "../components/trader-form";
import { mapLinks } from "../components/map/map-frame";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Ubah data pedagang · Pasar Terlindungi" }];
export const links: LinksFunction = () => mapLinks();

const ROLES = ["admin", "regional_head", "branch_staff", "market_collector"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  const editor = await loadTraderEditor(getDb(), user.scope, requireIdParam(params.traderId));
  if (!editor) throw notFound(request);
  return json(editor);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  const traderId = requireIdParam(params.traderId);
  if (!(await findTrader(getDb(), user.scope, traderId))) throw notFound(request);
  const read = await readTraderForm(request);
  if ("response" in read) return read.response;
  return traderSaveResponse(request, await updateTrader(getDb(), user.scope, user.id, traderId, read.input), read.values, "saved");
}

export default function EditTrader() {
  const { t } = useI18n();
  const { trader, markets, programmes, table } = useLoaderData<typeof loader>();
  const result = useActionData<TraderActionData>();
  return (
    <section className="narrow">
      <p><Link to={`/traders/${trader.id}`}>← {trader.full_name}</Link></p>
      <h1>{t("traders.edit")}</h1>
      <TraderForm
        markets={markets}
        programmes={programmes}
        table={table}
        values={result?.values ?? traderFormValues(trader)}
        result={result}
        submitLabel={t("common.save")}
      />
    </section>
  );
}
