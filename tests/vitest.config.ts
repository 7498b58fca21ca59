import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Browser tests share one database per run, and vitest orders files by past failures and durations. The collector's
// day journey closes and banks Pasar Flamboyan's today for good (a deposited day is never reopened), so it runs
// after every other file: tests/e2e/collector.test.ts still records an entry on that day.
const RUN_LAST = ["tests/e2e/collector-day.test.ts"];

class SharedDatabaseSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => RUN_LAST.some((name) => file.moduleId.endsWith(name));
    return [...sorted.filter((file) => !last(file)), ...sorted.filter(last)];
  }
}

// Three tiers, one runner: `vitest run` runs them all; `--project NAME` picks one.
export default defineConfig({
  root,
  esbuild: { jsx: "automatic" },
  test: {
    sequence: { sequencer: SharedDatabaseSequencer },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], setupFiles: ["tests/support/console-guard.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/console-guard.ts", "tests/support/integration-setup.ts"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/e2e-global-setup.ts"],
          setupFiles: ["tests/support/console-guard.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
