import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { listBranchProgress, setBranchTarget } from "../models/progress.server";
import { listMarkets } from "../models/markets.server";
import { findBranch } from "../models/branches.server";
import { branchTargetSchema, requestedYear } from "../domain/target-form";
import { fieldErrorsOf } from "../domain/user-form";
import { zoneAbbreviation } from "../domain/business-day";
import { PostForm, TextField } from "../components/forms";
import { StageBadge, StageCounts } from "../components/badges";
import { TrafficLightBadge } from "../components/progress-table";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Cabang · Pasar Terlindungi" }];

const VIEWERS = ["admin", "regional_head", "branch_staff"] as const;
const TARGET_SETTERS = ["admin", "regional_head"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...VIEWERS] });
  const branchId = requireIdParam(params.branchId);
  const now = new Date();
  const year = requestedYear(new URL(request.url).searchParams.get("year"), now);
  const db = getDb();
  const [progress] = await listBranchProgress(db, user.scope, { year, now, branchId });
  if (!progress) throw notFound(request);
  const markets = await listMarkets(db, user.scope, { branchId, pageSize: 100 });
  return json({ progress, markets: markets.rows, canSetTargets: (TARGET_SETTERS as readonly string[]).includes(user.role) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...TARGET_SETTERS] });
  const db = getDb();
  const branch = await findBranch(db, user.scope, requireIdParam(params.branchId));
  if (!branch) throw notFound(request);
  const parsed = branchTargetSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error), saved: false }, { status: 400 });
  await setBranchTarget(db, user.scope, { branchId: branch.id, userId: user.id, ...parsed.data });
  return json({ errors: {} as Record<string, string>, saved: true });
}

export default function BranchPage() {
  const { t, rupiah, integer } = useI18n();
  const { progress, markets, canSetTargets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <>
      <p><Link to={`/progress?year=${progress.year}`}>← {t("nav.progress")}</Link></p>
      <h1>{t("branch.title", { code: progress.code, name: progress.name })}</h1>
      <p className="muted">{progress.town} · {zoneAbbreviation(progress.timeZone)}</p>
      <section className="card" aria-labelledby="targets">
        <h2 id="targets">{t("branch.targets", { year: progress.year })}</h2>
        <p>
          {t("branch.achieved", { achieved: progress.governmentMarketsWithMou, target: progress.target })}{" "}
          <TrafficLightBadge light={progress.light} />
        </p>
        <p className="muted">{t("progress.rule")}</p>
        <dl className="facts">
          <div><dt>{t("branch.targetTraders")}</dt><dd>{progress.tradersTarget == null ? t("branch.notSet") : integer(progress.tradersTarget)}</dd></div>
          <div><dt>{t("branch.targetCollections")}</dt><dd>{progress.monthlyCollectionsTarget == null ? t("branch.notSet") : rupiah(progress.monthlyCollectionsTarget)}</dd></div>
        </dl>
        {canSetTargets ? (
          <PostForm className="inline-form" noValidate>
            {result?.saved ? <p role="status" className="notice">{t("branch.targetsSaved")}</p> : null}
            <input type="hidden" name="year" value={progress.year} />
            <TextField name="marketsWithMou" label={t("branch.targetMarkets")} error={errors.marketsWithMou}
              inputProps={{ inputMode: "numeric", defaultValue: progress.target, required: true }} />
            <TextField name="tradersEnrolled" label={t("branch.targetTraders")} error={errors.tradersEnrolled}
              inputProps={{ inputMode: "numeric", defaultValue: progress.tradersTarget ?? "" }} />
            <TextField name="monthlyCollections" label={t("branch.targetCollections")} error={errors.monthlyCollections}
              inputProps={{ inputMode: "numeric", defaultValue: progress.monthlyCollectionsTarget ?? "" }} />
            <button type="submit" className="primary">{t("branch.saveTargets")}</button>
          </PostForm>
        ) : null}
      </section>
      <section className="card" aria-labelledby="stages">
        <h2 id="stages">{t("home.marketsByStage")}</h2>
        <StageCounts counts={progress.marketsByStage} />
      </section>
      <section className="card" aria-labelledby="branch-markets">
        <h2 id="branch-markets">{t("branch.markets")}</h2>
        {markets.length === 0 ? <p>{t("home.noMarkets")}</p> : null}
        <ul className="plain-list">
          {markets.map((market) => (
            <li key={market.id}>
              <Link to={`/markets/${market.id}`}>{market.name}</Link> <StageBadge stage={market.stage} />
              {market.government_run ? null : <span className="muted small-text"> · {t("markets.governmentRun")}: {t("common.no")}</span>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
