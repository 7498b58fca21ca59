import { describe, expect, it } from "vitest";
import * as boundariesPage from "../../app/routes/admin.boundaries";
import * as boundariesApi from "../../app/routes/api.v1.map.boundaries";
import * as mapPage from "../../app/routes/map";
import { getDb } from "../../app/utils/db.server";
import { MAX_BOUNDARY_BYTES } from "../../app/domain/boundaries";
import { BASE, TEST_CSRF, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

import { provinceBoundaryFile, regencyBoundaryFile } from "../support/boundary-files";

const REGENCIES = regencyBoundaryFile();

function upload(caller: Caller, content: string, fileName = "batas.geojson") {
  const form = new FormData();
  form.set("csrf", TEST_CSRF);
  form.set("intent", "upload");
  form.set("file", new File([content], fileName, { type: "application/geo+json" }));
  return call(boundariesPage.action, new Request(`${BASE}/admin/boundaries`, { method: "POST", headers: { Cookie: caller.cookie! }, body: form }));
}

const layers = () => getDb().selectFrom("boundary_layers").selectAll().execute();

describe("uploading area boundaries", () => {
  it("accepts the Kalimantan regency file and shades the map by traders per regency", async () => {
    const admin = await signedInAs("admin@demo.id");
    const response = await upload(admin, REGENCIES.text, "kalimantan-kabkota.geojson");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ notice: "boundaries.saved" });
    const [layer] = await layers();
    expect(layer).toMatchObject({ level: "regency", code_property: "kode", feature_count: REGENCIES.count, file_name: "kalimantan-kabkota.geojson" });

    const geometry = await call(boundariesApi.loader, getRequest("/api/v1/map/boundaries", await signedInAs("staf.pontianak@demo.id")));
    const collection = await geometry.json();
    expect(collection.features).toHaveLength(REGENCIES.count);
    expect(collection.features[0].properties).toEqual({ code: "61.01", name: "Kab. Sambas" });

    const head = await (await call(mapPage.loader, getRequest("/map", await signedInAs("kakanwil@demo.id")))).json();
    expect(head.boundary).toMatchObject({ level: "regency", feature_count: REGENCIES.count });
    expect(head.boundary.areaCounts["61.71"]).toBeGreaterThan(200);
    const staff = await (await call(mapPage.loader, getRequest("/map", await signedInAs("staf.balikpapan@demo.id")))).json();
    // Counts are the caller's own: Balikpapan staff see nothing in Pontianak.
    expect(staff.boundary.areaCounts["61.71"]).toBeUndefined();
  });

  it("accepts a province file and replaces the previous layer", async () => {
    const admin = await signedInAs("admin@demo.id");
    expect((await upload(admin, REGENCIES.text)).status).toBe(200);
    expect((await upload(admin, provinceBoundaryFile())).status).toBe(200);
    const all = await layers();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ level: "province", code_property: "KODE_PROV", feature_count: 5 });
    const head = await (await call(mapPage.loader, getRequest("/map", await signedInAs("kakanwil@demo.id")))).json();
    expect(head.boundary.areaCounts["61"]).toBeGreaterThan(200);
  });

  it("refuses malformed files with a message and keeps the current layer", async () => {
    const admin = await signedInAs("admin@demo.id");
    const before = await layers();
    const point = { type: "FeatureCollection", features: [{ type: "Feature", properties: { kode: "61.71" }, geometry: { type: "Point", coordinates: [109.3, 0] } }] };
    const noCodes = { type: "FeatureCollection", features: [{ type: "Feature", properties: { nama: "X" }, geometry: { type: "Polygon", coordinates: [[[109, 0], [110, 0], [110, 1], [109, 0]]] } }] };
    const cases: [string, Record<string, unknown>][] = [
      ["{ this is not json", { error: "boundaries.error.notJson" }],
      [JSON.stringify({ type: "Topology", objects: {} }), { error: "boundaries.error.notFeatureCollection" }],
      [JSON.stringify(point), { error: "boundaries.error.geometry", feature: 1 }],
      [JSON.stringify(noCodes), { error: "boundaries.error.noCodes" }],
    ];
    for (const [content, expected] of cases) {
      const response = await upload(admin, content);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(expected);
    }
    expect(await layers()).toEqual(before);
  });

  it("refuses a file over 10 MB", async () => {
    const response = await upload(await signedInAs("admin@demo.id"), " ".repeat(MAX_BOUNDARY_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "boundaries.error.tooLarge" });
  });

  it("asks for a file when none was chosen", async () => {
    const response = await call(boundariesPage.action, postRequest("/admin/boundaries", await signedInAs("admin@demo.id"), { intent: "upload" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "boundaries.error.missing" });
  });

  it("lets only an admin upload or remove boundaries", async () => {
    const response = await upload(await signedInAs("kakanwil@demo.id"), JSON.stringify({ type: "FeatureCollection", features: [] }));
    expect(response.status).toBe(403);
    const page = await call(boundariesPage.loader, getRequest("/admin/boundaries", await signedInAs("staf.pontianak@demo.id")));
    expect(page.status).toBe(403);
  });

  it("removes the layer, after which the map has none and the geometry answers 404", async () => {
    const admin = await signedInAs("admin@demo.id");
    const response = await call(boundariesPage.action, postRequest("/admin/boundaries", admin, { intent: "remove" }));
    expect(await response.json()).toEqual({ notice: "boundaries.removed" });
    expect(await layers()).toEqual([]);
    expect((await call(boundariesApi.loader, getRequest("/api/v1/map/boundaries", admin))).status).toBe(404);
    const map = await (await call(mapPage.loader, getRequest("/map", admin))).json();
    expect(map.boundary).toBeNull();
  });
});
