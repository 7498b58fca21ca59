import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TMP_DIR = path.join(PROJECT_ROOT, "tests/.tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.sqlite");
