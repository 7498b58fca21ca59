import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { createMouDraft, listCollectorOptions } from "../models/mous.server";
import { findMarket, listAllMarkets } from "../models/markets.server";
import { formToObject, mouTermsSchema } from "../domain/mou-form";
import { fieldErrorsOf } from "../domain/user-form";
import { PostForm } from "../components/forms";
import { MouTermsFields } from "../components/mou-forms";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Draf MoU · Pasar Terlindungi" }];

const STAFF = ["admin", "regional_head", "branch_staff"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF] });
  const db = getDb();
  const marketId = Number(new URL(request.url).searchParams.get("marketId"));
  const market = Number.isSafeInteger(marketId) && marketId > 0 ? await findMarket(db, user.scope, marketId) : undefined;
  if (!market) return json({ market: null, markets: await listAllMarkets(db, user.scope), collectors: [] });
  return json({ market, markets: [], collectors: await listCollectorOptions(db, market.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF] });
  const form = await request.formData();
  const marketId = Number(form.get("marketId"));
  const parsed = mouTermsSchema.safeParse(formToObject(form));
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const mouId = await createMouDraft(getDb(), user.scope, { marketId, terms: parsed.data, userId: user.id });
  if (mouId == null) throw new Response("Not Found", { status: 404 });
  return redirect(`/mous/${mouId}?saved=1`);
}

export default function NewMou() {
  const { t } = useI18n();
  const { market, markets, collectors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (!market) {
    return (
      <section className="narrow">
        <h1>{t("mou.new")}</h1>
        <form method="get" className="card">
          <div className="field">
            <label htmlFor="marketId">{t("mou.market")}</label>
            <select id="marketId" name="marketId" required>
              {markets.map((option) => (
                <option key={option.id} value={option.id}>{option.name} ({option.branch_code})</option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">{t("common.next")}</button>
        </form>
      </section>
    );
  }
  return (
    <section className="narrow">
      <p><Link to={`/markets/${market.id}`}>← {market.name}</Link></p>
      <h1>{t("mou.newFor", { market: market.name })}</h1>
      {market.government_run ? null : <p className="notice">{t("mou.privateMarket")}</p>}
      <PostForm className="card" noValidate>
        <input type="hidden" name="marketId" value={market.id} />
        <MouTermsFields
          values={{ counterparty_type: market.operator_type, counterparty_name: market.operator_name ?? "" }}
          errors={result?.errors}
          collectorOptions={collectors}
          selectedCollectorIds={collectors.map((c) => c.id)}
        />
        <button type="submit" className="primary" disabled={busy}>{t("mou.saveDraft")}</button>
      </PostForm>
    </section>
  );
}
