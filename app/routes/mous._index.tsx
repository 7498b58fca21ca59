import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listMouAttention, listMous } from "../models/mous.server";
import { MouAttentionPanel } from "../components/mou-attention";
import { MouStatusBadge } from "../components/mou-forms";
import { Pagination } from "../components/pagination";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "MoU · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const db = getDb();
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  const [mous, attention] = await Promise.all([listMous(db, user.scope, { page }), listMouAttention(db, user.scope)]);
  return json({ mous, attention });
}

export default function Mous() {
  const { t, date } = useI18n();
  const { mous, attention } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("mou.title")}</h1>
      <p><Link to="/mous/new" className="button primary">{t("mou.new")}</Link></p>
      <MouAttentionPanel attention={attention} />
      {mous.rows.length === 0 ? (
        <p className="empty">{t("mou.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mou.number")}</th>
                <th scope="col">{t("mou.market")}</th>
                <th scope="col">{t("mou.status")}</th>
                <th scope="col">{t("mou.inForceFrom")}</th>
                <th scope="col">{t("mou.expiresOn")}</th>
              </tr>
            </thead>
            <tbody>
              {mous.rows.map((mou) => (
                <tr key={mou.id}>
                  <th scope="row"><Link to={`/mous/${mou.id}`}>{mou.number}</Link></th>
                  <td>{mou.market_name}{mou.government_run ? "" : " *"}</td>
                  <td><MouStatusBadge status={mou.effective_status} /></td>
                  <td>{mou.in_force_from ? date(mou.in_force_from) : t("common.none")}</td>
                  <td>{mou.expires_on ? date(mou.expires_on) : t("common.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mous.rows.some((mou) => !mou.government_run) ? <p className="muted small-text">* {t("mou.privateMarket")}</p> : null}
      <Pagination page={mous.page} pageCount={mous.pageCount} />
    </>
  );
}
