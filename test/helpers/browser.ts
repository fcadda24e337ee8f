// Headless Chromium for browser tests, through playwright-core and the system's Chromium (Debian's
// package in CI). Without one, a browser suite is skipped with a message, or fails when CI is set.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";

/** CHROMIUM_PATH when set, else /usr/bin/chromium, else `chromium` on PATH; or why there is none. */
function findChromium(): { path: string } | { problem: string } {
  const given = process.env.CHROMIUM_PATH;
  if (given) return executable(given) ? { path: given } : { problem: `CHROMIUM_PATH=${given} is not an executable file` };
  if (executable("/usr/bin/chromium")) return { path: "/usr/bin/chromium" };
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir !== "")
    .map((dir) => join(dir, "chromium"))
    .find(executable);
  return onPath ? { path: onPath } : { problem: "no Chromium at /usr/bin/chromium or on PATH, and CHROMIUM_PATH is not set" };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const found = findChromium();

/** The Chromium the tests launch, when there is one. */
export const chromiumPath: string | undefined = "path" in found ? found.path : undefined;

/** Headless Chromium; --no-sandbox because the tests may run as root (in containers and CI). */
export async function launchChromium(): Promise<Browser> {
  if (!("path" in found)) throw new Error(`Cannot launch Chromium: ${found.problem}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}

export type GetBrowser = () => Browser;

/**
 * Declares a suite that needs Chromium: one browser is launched before its tests and closed after
 * them (give each test its own page). Without Chromium the tests are skipped with a message saying
 * why, or the suite fails when CI is set (CI installs Debian's chromium and must run them).
 */
export function describeWithChromium(name: string, suite: (getBrowser: GetBrowser) => void): void {
  describe(name, () => {
    if ("path" in found) {
      let browser: Browser | undefined;
      beforeAll(async () => {
        browser = await launchChromium();
      });
      afterAll(async () => {
        await browser?.close();
      });
      suite(() => {
        if (!browser) throw new Error("Chromium launches in beforeAll: call getBrowser() inside a test or hook, not while declaring");
        return browser;
      });
      return;
    }
    const why = `Chromium not found: ${found.problem}`;
    let skipped = 0;
    beforeAll(() => {
      if (process.env.CI) throw new Error(`${why}: CI must run the browser tests; install chromium or set CHROMIUM_PATH.`);
    });
    beforeEach((context) => {
      skipped += 1;
      context.skip();
    });
    afterAll(() => console.warn(`${why}: skipped ${skipped} browser tests (apt-get install chromium, or set CHROMIUM_PATH)`));
    suite(() => {
      throw new Error("Chromium is not available");
    });
  });
}
