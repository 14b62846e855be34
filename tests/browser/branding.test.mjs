// The report branding as an admin sets it, at a desk (1280 px) and on a
// phone (390 px): a colour too pale for text refused beside its field with
// what was typed kept, a good one saved, a logo uploaded and shown; then a
// scorecard in the brand, and a consultant switching it to the working
// edition. On every page: axe-core clean, nothing wider than the screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { useCmas, logIn, base, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();

const LOGO = fileURLToPath(new URL("../fixtures/logo.png", import.meta.url));

async function looked(page, name, width) {
  assert.deepEqual(await wcagViolations(page), [], `${name} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${name} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

test("an admin brands the reports: a pale colour refused beside its field, a logo uploaded, at 1280 and 390 px", async () => {
  for (const width of [1280, 390]) {
    const { context, page } = await logIn("admin@demo.cmas", "demo-admin-pass", width);
    await page.goto(`${base}/admin/branding`);
    await looked(page, "branding", width);

    await page.getByLabel(/Accent colour/).fill("#f0b429");
    await page.getByLabel(/Footer line/).fill("Northbridge · a line typed here");
    await page.getByRole("button", { name: "Save the branding" }).click();
    const error = page.locator("#brand-accent-error");
    await error.waitFor();
    assert.match(await error.innerText(), /#f0b429 has a contrast of 1\.86:1/);
    assert.equal(await page.getByLabel(/Accent colour/).inputValue(), "#f0b429", "what was typed is kept");
    assert.equal(await page.getByLabel(/Footer line/).inputValue(), "Northbridge · a line typed here");
    await looked(page, "branding-refused", width);

    await page.getByLabel(/Accent colour/).fill("#a61e4d");
    await page.getByRole("button", { name: "Save the branding" }).click();
    await page.waitForURL(/done=branding/);
    assert.match(await page.locator(".notice").innerText(), /every report follows it/);

    await page.getByLabel(/A PNG or JPEG/).setInputFiles(LOGO);
    await page.getByRole("button", { name: "Upload the logo" }).click();
    await page.waitForURL(/done=logo/);
    assert.match(await page.locator("main").innerText(), /240 × 64 pixels/);
    await looked(page, "branding-saved", width);
    await context.close();
  }
});

test("a consultant reads a branded scorecard and switches to the working edition", async () => {
  const { context, page } = await logIn("consultant@demo.cmas", "demo-consultant-pass", 1280);
  await page.goto(`${base}/clients`);
  await page.locator("#results tbody tr td.lead a").first().click();
  await page.waitForURL(/\/clients\/\d+$/);
  const scorecard = page.locator("a[href$='/scorecard']").first();
  await scorecard.click();
  await page.waitForURL(/\/assessments\/\d+\/scorecard$/);
  assert.match(await page.locator("nav[aria-label=Edition]").innerText(), /Client edition/);
  await page.getByRole("link", { name: "Working edition" }).click();
  await page.waitForURL(/edition=working/);
  assert.match(await page.locator("main").innerText(), /Working edition for Northbridge Consulting/);
  const standalone = await page.locator("a", { hasText: "Standalone page" }).getAttribute("href");
  assert.match(standalone, /edition=working/);
  await looked(page, "scorecard-working", 1280);

  // The standalone report in the brand: its marking, colour and logo.
  await page.goto(`${base}${standalone.replace("edition=working", "edition=client")}`);
  assert.match(await page.locator(".marking").innerText(), /Confidential — prepared for /);
  assert.equal(await page.locator("h1").first().evaluate((h) => getComputedStyle(h).color), "rgb(11, 110, 79)");
  assert.ok(await page.locator("img.logo").first().isVisible(), "the logo is on the report");
  await page.screenshot({ path: join(SHOTS, "scorecard-branded-1280.png"), fullPage: false });
  await context.close();
});
