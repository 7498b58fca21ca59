import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect, json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listPlacementOptions } from "../models/branches.server";
import { createUser } from "../models/users.server";
import { isEmailTaken } from "../models/user-admin.server";
import { fieldErrorsOf, newUserSchema } from "../domain/user-form";
import { PostForm, TextField } from "../components/forms";
import { UserFields, type PlacementOptions, type UserFormValues } from "../components/user-form";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Tambah pengguna · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json(await listPlacementOptions(getDb()));
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const form = Object.fromEntries(await request.formData());
  const parsed = newUserSchema.safeParse(form);
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error), values: form }, { status: 400 });
  const db = getDb();
  if (await isEmailTaken(db, parsed.data.email)) {
    return json({ errors: { email: "users.emailTaken" }, values: form }, { status: 400 });
  }
  const userId = await createUser(db, parsed.data);
  return redirect(`/admin/users/${userId}?created=1`);
}

export default function NewUser() {
  const { t } = useI18n();
  const options = useLoaderData<typeof loader>() as PlacementOptions;
  const result = useActionData<{ errors: Record<string, string>; values: Record<string, string> }>();
  const values = result?.values as Partial<UserFormValues> | undefined;
  return (
    <section className="narrow">
      <p><Link to="/admin/users">← {t("users.title")}</Link></p>
      <h1>{t("users.new")}</h1>
      <PostForm className="card" noValidate>
        <UserFields options={options} values={values} errors={result?.errors} />
        <TextField
          name="password"
          label={t("users.password")}
          error={result?.errors.password}
          inputProps={{ type: "password", autoComplete: "new-password", minLength: 8, required: true }}
        />
        <button type="submit" className="primary">{t("common.save")}</button>
      </PostForm>
    </section>
  );
}
