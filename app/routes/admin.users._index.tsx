import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listUsers } from "../models/user-admin.server";
import { Pagination } from "../components/pagination";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Pengguna · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const params = new URL(request.url).searchParams;
  return json(await listUsers(getDb(), { q: params.get("q") ?? undefined, page: Number(params.get("page")) || 1 }));
}

export default function Users() {
  const { t } = useI18n();
  const users = useLoaderData<typeof loader>() as Awaited<ReturnType<typeof listUsers>>;
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p><Link to="/admin/users/new" className="button primary">{t("users.new")}</Link></p>
      <Form method="get" className="filters" role="search">
        <label>
          <span className="visually-hidden">{t("users.searchPlaceholder")}</span>
          <input type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder={t("users.searchPlaceholder")} />
        </label>
        <button type="submit">{t("common.search")}</button>
      </Form>
      {users.rows.length === 0 ? (
        <p className="empty">{t("users.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.scope")}</th>
                <th scope="col">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.rows.map((user) => (
                <tr key={user.id}>
                  <th scope="row"><Link to={`/admin/users/${user.id}`}>{user.name}</Link></th>
                  <td>{user.email}</td>
                  <td>{t(`role.${user.role}`)}</td>
                  <td>{user.market_name ?? user.branch_code ?? user.region_name ?? t("common.all")}</td>
                  <td>{user.active ? t("users.active") : t("users.inactive")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={users.page} pageCount={users.pageCount} />
    </>
  );
}
