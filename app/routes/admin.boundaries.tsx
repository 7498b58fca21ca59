import { json } from "@remix-run/node";
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { findBoundaryLayer, removeBoundaryLayer, replaceBoundaryLayer } from "../models/boundaries.server";
import { checkBoundaryFile, MAX_BOUNDARY_BYTES } from "../domain/boundaries";
import { ConfirmButton, PostForm } from "../components/forms";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "Batas wilayah · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json({ layer: await findBoundaryLayer(getDb()) });
}

type ActionResult = { notice?: MessageKey; error?: MessageKey; feature?: number };

const refuse = (error: MessageKey, status: number, feature?: number) => json<ActionResult>({ error, feature }, { status });

/** Uploads (replaces) or removes the boundary layer; the file is checked before anything is stored. */
export async function action({ request }: ActionFunctionArgs) {
  // Refuse an oversize body before reading it (a little room for the multipart envelope).
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BOUNDARY_BYTES + 64 * 1024) return refuse("boundaries.error.tooLarge", 413);
  const user = await requireUser(request, { roles: ["admin"] });
  let form: FormData;
  try {
    form = request.headers.get("Content-Type")?.startsWith("multipart/form-data")
      ? await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_BOUNDARY_BYTES }))
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse("boundaries.error.tooLarge", 413);
    throw error;
  }
  const intent = form.get("intent");
  if (intent === "remove") {
    await removeBoundaryLayer(getDb());
    return json<ActionResult>({ notice: "boundaries.removed" });
  }
  if (intent !== "upload") return refuse("boundaries.error.missing", 400);
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return refuse("boundaries.error.missing", 400);
  const checked = checkBoundaryFile(await file.text());
  if (!checked.ok) return refuse(checked.error, 400, "feature" in checked ? checked.feature : undefined);
  const fileName = (file as File).name || "boundaries.geojson";
  await replaceBoundaryLayer(getDb(), { fileName, byteSize: file.size, checked, userId: user.id });
  return json<ActionResult>({ notice: "boundaries.saved" });
}

export default function Boundaries() {
  const { t, integer, dateTime } = useI18n();
  const { layer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/map">{t("map.title")}</Link>
      </p>
      <h1>{t("boundaries.title")}</h1>
      <p className="muted">{t("boundaries.intro")}</p>
      {result?.notice ? <p role="status" className="notice">{t(result.notice)}</p> : null}
      <section className="card" aria-labelledby="boundaries-current">
        <h2 id="boundaries-current">{t("boundaries.current")}</h2>
        {layer ? (
          <>
            <p>
              {t("boundaries.details", {
                file: layer.file_name,
                count: integer(layer.feature_count),
                level: t(`map.level.${layer.level}`),
                property: layer.code_property,
                when: dateTime(layer.uploaded_at, "Asia/Pontianak"),
                who: layer.uploaded_by,
              })}
            </p>
            <PostForm>
              <input type="hidden" name="intent" value="remove" />
              <ConfirmButton message={t("boundaries.removeConfirm")}>{t("boundaries.remove")}</ConfirmButton>
            </PostForm>
          </>
        ) : (
          <p>{t("boundaries.none")}</p>
        )}
      </section>
      {/* Keyed by the layer, so the file input empties once a file was stored. */}
      <PostForm key={layer?.id ?? "none"} encType="multipart/form-data" className="card" replace>
        <input type="hidden" name="intent" value="upload" />
        <div className="field">
          <label htmlFor="boundary-file">{t("boundaries.file")}</label>
          <input
            id="boundary-file"
            name="file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            required
            aria-invalid={result?.error ? true : undefined}
            aria-describedby={result?.error ? "boundary-file-error" : undefined}
          />
          {result?.error ? (
            <p className="field-error" id="boundary-file-error" role="alert">
              {t(result.error, { feature: result.feature ?? "" })}
            </p>
          ) : null}
        </div>
        <button type="submit" className="primary">{t("boundaries.upload")}</button>
      </PostForm>
    </>
  );
}
