import type { DB } from "../utils/db.server";
import type { BoundaryCollection, BoundaryCheck } from "../domain/boundaries";

// The admin's boundary layer for the choropleth. Reference data for everyone (areas, not records), so it
// is not scoped; only an admin may replace or remove it (checked by the route). The newest upload wins.

/** What the map and the admin page show about the current layer (without its geometry). */
export async function findBoundaryLayer(db: DB) {
  return (
    (await db
      .selectFrom("boundary_layers")
      .innerJoin("users", "users.id", "boundary_layers.uploaded_by_user_id")
      .select([
        "boundary_layers.id",
        "boundary_layers.level",
        "boundary_layers.file_name",
        "boundary_layers.code_property",
        "boundary_layers.feature_count",
        "boundary_layers.byte_size",
        "boundary_layers.uploaded_at",
        "users.name as uploaded_by",
      ])
      .orderBy("boundary_layers.id", "desc")
      .executeTakeFirst()) ?? null
  );
}

export type BoundaryLayerInfo = NonNullable<Awaited<ReturnType<typeof findBoundaryLayer>>>;

/** The current layer's normalised GeoJSON text and id (the id makes a cache validator), or null. */
export async function loadBoundaryGeoJson(db: DB) {
  return (await db.selectFrom("boundary_layers").select(["id", "geojson"]).orderBy("id", "desc").executeTakeFirst()) ?? null;
}

/** Replaces the layer with a checked upload, in one transaction so the map never sees none in between. */
export async function replaceBoundaryLayer(
  db: DB,
  upload: { fileName: string; byteSize: number; checked: Extract<BoundaryCheck, { ok: true }>; userId: number },
  now = new Date(),
) {
  const collection: BoundaryCollection = upload.checked.collection;
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("boundary_layers").execute();
    const { id } = await trx
      .insertInto("boundary_layers")
      .values({
        level: upload.checked.level,
        file_name: upload.fileName,
        code_property: upload.checked.codeProperty,
        feature_count: collection.features.length,
        byte_size: upload.byteSize,
        geojson: JSON.stringify(collection),
        uploaded_by_user_id: upload.userId,
        uploaded_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });
}

export async function removeBoundaryLayer(db: DB): Promise<void> {
  await db.deleteFrom("boundary_layers").execute();
}
