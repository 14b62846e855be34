// The harness of the browser tests: the real cmas binary with the demo
// data on a free port, and Debian's headless Chromium.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const SHOTS = resolve(process.env.CMAS_SCREENSHOTS ?? "target/browser-screenshots");
let server;
export let browser, base;
/** Every Content-Security-Policy refusal Chromium reports on any page, with the page. */
const refusals = [];

export function freePort() {
  return new Promise((ok) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

async function waitUntilUp(url, seconds) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`cmas did not answer at ${url} within ${seconds} s`);
}

/** Starts cmas and Chromium before the file's tests, stops them after. */
export function useCmas() {
before(async () => {
  const bin = process.env.CMAS_BIN;
  assert.ok(bin, "CMAS_BIN must name the cmas binary");
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "cmas-browser-"));
  server = spawn(bin, ["serve", "--demo"], {
    env: { ...process.env, CMAS_DATABASE_URL: join(dir, "cmas.sqlite3"), CMAS_BIND: `127.0.0.1:${port}`, CMAS_LOG: "warn", CMAS_SSO_ALLOW_HTTP: "true" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitUntilUp(`${base}/healthz`, 120);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  assert.deepEqual(refusals, [], "no page or report breaks its Content-Security-Policy");
});
}

export async function logIn(email, password, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      refusals.push(`${page.url()}: ${message.text()}`);
    }
  });
  await page.goto(`${base}/`);
  assert.match(page.url(), /\/login$/, "an anonymous visitor is sent to the login page");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${base}/`);
  return { context, page };
}


// Evaluated through the DevTools protocol: a <script> tag would break the pages' policy.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The WCAG 2.0/2.1 A and AA violations axe-core finds on the page, one line each. */
export async function wcagViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1).join(" ").trim()}`));
}

/** How many pixels the page is wider than the window (0 when it fits). */
export async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
