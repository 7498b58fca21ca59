import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadDepositForm, recordDeposit } from "../models/deposits.server";
import { DEPOSIT_RECORDER_ROLES, depositFormValues, depositSchema } from "../domain/deposit-form";
import { fieldErrorsOf } from "../domain/user-form";
import { DepositForm } from "../components/deposit-form";
import { MarketSelect } from "../components/deposit-parts";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Catat setoran · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: DEPOSIT_RECORDER_ROLES });
  const marketId = Number(new URL(request.url).searchParams.get("market")) || null;
  const form = await loadDepositForm(getDb(), user.scope, marketId);
  if (!form) throw notFound(request);
  return json(form);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: DEPOSIT_RECORDER_ROLES });
  const values = depositFormValues(await request.formData());
  const parsed = depositSchema.safeParse(values);
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const result = await recordDeposit(getDb(), user.scope, user.id, parsed.data);
  if ("notFound" in result) throw notFound(request);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect(`/deposits/${result.depositId}?saved=1`);
}

interface ActionData {
  errors: Record<string, string>;
  values: Record<string, unknown>;
}

export default function NewDeposit() {
  const { t } = useI18n();
  const { markets, market, days } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="narrow">
      <p><Link to="/deposits">← {t("deposits.title")}</Link></p>
      <h1>{t("deposits.newTitle")}</h1>
      {markets.length > 1 ? (
        <Form method="get" className="filters">
          <MarketSelect markets={markets} value={market?.id} label={t("deposits.market")} emptyLabel={t("deposits.chooseMarket")} />
          <button type="submit">{t("deposits.show")}</button>
        </Form>
      ) : null}
      {market ? <h2>{market.name}</h2> : null}
      {market && days.length === 0 ? <p className="empty">{t("deposits.noDays")}</p> : null}
      {!market && markets.length === 0 ? <p className="empty">{t("deposits.noDays")}</p> : null}
      {market && days.length > 0 ? (
        <DepositForm
          key={market.id}
          marketId={market.id}
          today={market.today}
          days={days}
          errors={result?.errors ?? {}}
          values={result?.values}
          busy={busy}
        />
      ) : null}
    </section>
  );
}
