import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { createMarket, listBranchChoices } from "../models/markets.server";
import { formErrorsOf, parseMarketForm } from "../domain/market-form";
import { MarketForm, type BranchChoice, type MarketActionData, type MarketFormValues } from "../components/market-form";
import { mapLinks } from "../components/map/map-frame";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Tambah pasar · Pasar Terlindungi" }];
export const links: LinksFunction = () => mapLinks();

const STAFF_ROLES = ["admin", "regional_head", "branch_staff"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF_ROLES] });
  return json({ branches: await listBranchChoices(getDb(), user.scope) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF_ROLES] });
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(Object.entries(form).filter(([name]) => name !== "csrf" && name !== "confirmSimilar"));
  const parsed = parseMarketForm(form);
  if (!parsed.success) return json({ errors: formErrorsOf(parsed.error), values }, { status: 400 });
  const result = await createMarket(getDb(), user.scope, user.id, parsed.data);
  switch (result.kind) {
    case "not_found":
      throw notFound(request);
    case "invalid":
      return json({ errors: result.errors, values }, { status: 400 });
    case "similar":
      // A question for the user rather than an error: 200, so browsers log nothing.
      return json({ similar: result.similar, values });
    case "saved":
      return redirect(`/markets/${result.marketId}?created=1`);
  }
}

export default function NewMarket() {
  const { t } = useI18n();
  const { branches } = useLoaderData<typeof loader>() as { branches: BranchChoice[] };
  const result = useActionData<MarketActionData & { values?: MarketFormValues }>();
  return (
    <section className="narrow">
      <p><Link to="/markets">← {t("markets.title")}</Link></p>
      <h1>{t("markets.new")}</h1>
      <MarketForm branches={branches} values={result?.values ?? {}} result={result} withFirstContact />
    </section>
  );
}
