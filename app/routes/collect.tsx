import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadCollectionSheet, listCollectingMarkets } from "../models/collection-sheet.server";
import { reverseEntry } from "../models/collections.server";
import { COLLECTION_ROLES, collectMarketId, REOPEN_ROLES } from "../domain/collections";
import { zoneAbbreviation } from "../domain/business-day";
import { CollectionSheetView } from "../components/collection-sheet";
import { CollectMarketChoice } from "../components/collect-market-choice";
import { useI18n } from "../i18n/react";
import { isMessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "Tarik iuran · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: COLLECTION_ROLES });
  const params = new URL(request.url).searchParams;
  const marketId = collectMarketId(user.scope, params.get("market"));
  if (marketId == null) return json({ markets: await listCollectingMarkets(getDb(), user.scope), sheet: null, userId: user.id, canReverseAny: false });
  const sheet = await loadCollectionSheet(getDb(), user.scope, marketId, new Date(), { allEntries: params.get("entries") === "all" });
  if (!sheet) throw notFound(request);
  return json({ markets: null, sheet, userId: user.id, canReverseAny: REOPEN_ROLES.includes(user.role) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: COLLECTION_ROLES });
  const form = await request.formData();
  if (form.get("intent") !== "reverse") return json({ error: "collections.refused.invalid" as string, reversed: null }, { status: 400 });
  const entryId = Number(form.get("entryId"));
  const result = await reverseEntry(getDb(), user.scope, {
    entryId: Number.isSafeInteger(entryId) ? entryId : 0,
    reason: String(form.get("reason") ?? ""),
    userId: user.id,
    role: user.role,
  });
  if (!result.ok && result.reason === "collections.reverse.notFound") throw notFound(request);
  return result.ok ? json({ error: null, reversed: result.receiptNumber }) : json({ error: result.reason, reversed: null }, { status: 400 });
}

export default function CollectPage() {
  const { t, date } = useI18n();
  const { markets, sheet, userId, canReverseAny } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!sheet) return <CollectMarketChoice markets={markets ?? []} path="/collect" />;
  const marketQuery = canReverseAny ? `?market=${sheet.market.id}` : "";
  const closeLink = `/collect/close${marketQuery}`;
  return (
    <div className="collect-page">
      <div className="collect-head">
        <div>
          <h1>{sheet.market.name}</h1>
          <p className="muted">{t("collections.businessDay", { date: date(sheet.today), zone: zoneAbbreviation(sheet.market.timeZone) })}</p>
        </div>
      </div>
      {sheet.dayClosed ? <p className="form-error">{t("collections.dayClosedNotice")}</p> : null}
      {!sheet.mouInForce ? <p className="form-error">{t("collections.noMouNotice")}</p> : null}
      {result?.reversed ? <p className="notice" role="status">{t("collections.reverseDone", { receipt: result.reversed })}</p> : null}
      {result?.error ? <p className="form-error" role="alert">{isMessageKey(result.error) ? t(result.error) : result.error}</p> : null}
      <CollectionSheetView
        traders={sheet.traders}
        entries={sheet.entries}
        total={sheet.total}
        closeLink={closeLink}
        entryCount={sheet.entryCount}
        moreLink={`/collect${marketQuery ? `${marketQuery}&` : "?"}entries=all`}
        timeZone={sheet.market.timeZone}
        userId={userId}
        canReverseAny={canReverseAny}
        dayClosed={sheet.dayClosed}
      />
    </div>
  );
}
