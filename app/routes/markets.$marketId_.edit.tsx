import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findMarket, loadMarketEditor, updateMarket } from "../models/markets.server";
import { removeMarketContact, saveMarketContact } from "../models/market-contacts.server";
import { formErrorsOf, parseContactForm, parseMarketForm } from "../domain/market-form";
import { MarketForm, valuesFromMarket, type BranchChoice, type MarketActionData, type MarketFormValues } from "../components/market-form";
import { ContactEditor, type ContactRow } from "../components/market-contacts";
import { mapLinks } from "../components/map/map-frame";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "Ubah data pasar · Pasar Terlindungi" }];
export const links: LinksFunction = () => mapLinks();

const STAFF_ROLES = ["admin", "regional_head", "branch_staff"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF_ROLES] });
  const editor = await loadMarketEditor(getDb(), user.scope, requireIdParam(params.marketId));
  if (!editor) throw notFound(request);
  return json(editor);
}

type ActionResult = MarketActionData & { values?: MarketFormValues; notice?: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF_ROLES] });
  const db = getDb();
  const marketId = requireIdParam(params.marketId);
  // Scope first, so a market outside it answers 404 whatever the form holds.
  if (!(await findMarket(db, user.scope, marketId))) throw notFound(request);
  const form = Object.fromEntries(await request.formData());
  const reply = (result: ActionResult, status = 200) => json(result, { status });
  switch (form.intent) {
    case "update": {
      const values = Object.fromEntries(Object.entries(form).filter(([name]) => name !== "csrf" && name !== "confirmSimilar")) as MarketFormValues;
      const parsed = parseMarketForm(form);
      if (!parsed.success) return reply({ errors: formErrorsOf(parsed.error), values }, 400);
      const result = await updateMarket(db, user.scope, user.id, marketId, parsed.data);
      if (result.kind === "not_found") throw notFound(request);
      if (result.kind === "invalid") return reply({ errors: result.errors, values }, 400);
      if (result.kind === "similar") return reply({ similar: result.similar, values });
      return redirect(`/markets/${marketId}?saved=1`);
    }
    case "save-contact": {
      const key = String(form.contactId ?? "");
      const contactId = key === "new" ? null : requireIdParam(key);
      const parsed = parseContactForm(form, key);
      if (!parsed.success) return reply({ errors: formErrorsOf(parsed.error, `contacts.${key}.`) }, 400);
      if (!(await saveMarketContact(db, user.scope, marketId, contactId, parsed.data))) throw notFound(request);
      return reply({ notice: "markets.contactSaved" });
    }
    case "remove-contact":
      if (!(await removeMarketContact(db, user.scope, marketId, requireIdParam(String(form.contactId ?? ""))))) throw notFound(request);
      return reply({ notice: "markets.contactRemoved" });
    default:
      throw new Response("Unknown form", { status: 400 });
  }
}

export default function EditMarket() {
  const { t } = useI18n();
  const { market, contacts, branches } = useLoaderData<typeof loader>() as unknown as {
    market: Parameters<typeof valuesFromMarket>[0] & { id: number };
    contacts: ContactRow[];
    branches: BranchChoice[];
  };
  const result = useActionData<ActionResult>();
  const isMarketResult = Boolean(result?.values);
  return (
    <section className="narrow">
      <p><Link to={`/markets/${market.id}`}>← {market.name}</Link></p>
      <h1>{t("markets.edit")}: {market.name}</h1>
      {result?.notice ? <p role="status" className="notice">{t(result.notice)}</p> : null}
      <MarketForm branches={branches} values={result?.values ?? valuesFromMarket(market)} result={isMarketResult ? result : undefined} withFirstContact={false} />
      <ContactEditor contacts={contacts} errors={isMarketResult ? undefined : result?.errors} />
    </section>
  );
}
