import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listBranchesWithMarketCounts } from "../models/branches.server";
import { BranchTable, type BranchRow } from "../components/branch-table";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Cabang · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head"] });
  return json({ branches: await listBranchesWithMarketCounts(getDb(), user.scope) });
}

export default function Branches() {
  const { t } = useI18n();
  const { branches } = useLoaderData<typeof loader>() as { branches: BranchRow[] };
  return (
    <>
      <h1>{t("branches.title")}</h1>
      <BranchTable branches={branches} />
    </>
  );
}
