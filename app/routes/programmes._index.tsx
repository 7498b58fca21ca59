import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { createProgramme, loadProgrammeList } from "../models/programmes.server";
import { programmeSchema } from "../domain/programmes";
import { fieldErrorsOf } from "../domain/user-form";
import { ProgrammeForm, type ProgrammeFormResult } from "../components/programme-form";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Program bantuan iuran · Pasar Terlindungi" }];

const ROLES = ["admin", "regional_head", "branch_staff"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  return json(await loadProgrammeList(getDb(), user.scope));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...ROLES] });
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(Object.entries(form).filter(([name, value]) => name !== "csrf" && typeof value === "string")) as Record<string, string>;
  const parsed = programmeSchema.safeParse(form);
  if (!parsed.success) return json<ProgrammeFormResult>({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const result = await createProgramme(getDb(), user.scope, user.id, parsed.data);
  if (!result.ok) return json<ProgrammeFormResult>({ errors: result.errors, values }, { status: 400 });
  return redirect(`/programmes/${result.programmeId}?created=1`);
}

export default function Programmes() {
  const { t, rupiah, integer } = useI18n();
  const { programmes, branches, startMonth } = useLoaderData<typeof loader>();
  const result = useActionData<ProgrammeFormResult>();
  return (
    <>
      <p><Link to="/traders">← {t("traders.title")}</Link></p>
      <h1>{t("programmes.title")}</h1>
      <p>{t("programmes.intro")}</p>
      {programmes.length === 0 ? (
        <p className="empty">{t("programmes.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("programmes.name")}</th>
                <th scope="col">{t("programmes.branch")}</th>
                <th scope="col">{t("programmes.payerType")}</th>
                <th scope="col" className="num">{t("programmes.traders")}</th>
                <th scope="col" className="num">{t("programmes.committed")}</th>
                <th scope="col" className="num">{t("programmes.budget")}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => (
                <tr key={programme.id}>
                  <th scope="row"><Link to={`/programmes/${programme.id}`}>{programme.name}</Link></th>
                  <td>{programme.branch_code}</td>
                  <td>{t(`payer.${programme.payer_type}`)}</td>
                  <td className="num">{integer(programme.traders)}</td>
                  <td className={`num${programme.remaining < 0 ? " warn-text" : ""}`}>{`${rupiah(programme.committed)} (${programme.percent}%)`}</td>
                  <td className="num">{rupiah(programme.budget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProgrammeForm branches={branches} result={result} startMonth={startMonth} />
    </>
  );
}
