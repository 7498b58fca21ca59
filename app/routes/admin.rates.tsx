import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { addDiscountPeriod, addRatePeriod, loadRatesPage } from "../models/rates.server";
import { discountPeriodFromForm, ratePeriodFromForm } from "../domain/rate-form";
import { formatMonth } from "../domain/month-format";
import { DiscountPeriodForm, DiscountTable, RatePeriodForm, RatePeriodTable, type RateFormResult } from "../components/rate-forms";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Tarif iuran · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json(await loadRatesPage(getDb()));
}

/** Adds a rate or a discount period; nothing stored is ever edited or deleted. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin"] });
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "rate" && intent !== "discount") throw new Response("Unknown form", { status: 400 });
  const result =
    intent === "rate"
      ? await addRatePeriod(getDb(), user.scope, user.id, ratePeriodFromForm(form))
      : await addDiscountPeriod(getDb(), user.scope, user.id, discountPeriodFromForm(form));
  if (result.ok) return redirect("/admin/rates?added=1");
  const lists = new Set(["sectors", "payerTypes"]);
  const values = Object.fromEntries(
    [...new Set(form.keys())].filter((name) => name !== "csrf").map((name) => [name, lists.has(name) ? form.getAll(name).map(String) : String(form.get(name))]),
  );
  return json<RateFormResult>({ intent, errors: result.errors, values }, { status: 400 });
}

export default function Rates() {
  const { t, rupiah, integer, locale } = useI18n();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<RateFormResult>();
  const [params] = useSearchParams();
  const { nominals } = page;
  return (
    <>
      <h1>{t("rates.title")}</h1>
      <p>{t("rates.intro")}</p>
      {params.get("added") ? <p role="status" className="notice">{t("rates.added")}</p> : null}
      <section aria-labelledby="periods-heading">
        <h2 id="periods-heading">{t("rates.periods")}</h2>
        <RatePeriodTable periods={page.periods} />
      </section>
      <section aria-labelledby="discounts-heading">
        <h2 id="discounts-heading">{t("rates.discounts")}</h2>
        <DiscountTable discounts={page.discounts} />
      </section>
      {nominals.min != null && nominals.max != null ? (
        <p className="muted">{t("rates.nominals", { count: integer(nominals.count), min: rupiah(nominals.min), max: rupiah(nominals.max) })}</p>
      ) : null}
      <p className="hint"><code>{t("rates.quoteApi")}</code></p>
      <p className="notice">{t("rates.notBefore", { month: formatMonth(page.notBefore, locale) })}</p>
      <RatePeriodForm result={result} notBefore={page.notBefore} />
      <DiscountPeriodForm result={result} notBefore={page.notBefore} />
    </>
  );
}
