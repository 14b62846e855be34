// The pages in the reader's language: a browser set to German gets German
// pages from the login on, at a desk (1280 px) and on a phone (390 px); the
// person then chooses French for themselves, which wins over the browser.
// On every page: axe-core clean, nothing wider than the screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { base, browser, SHOTS, wcagViolations, overflow, useCmas } from "./harness.mjs";

useCmas();

async function looked(page, name, width) {
  assert.deepEqual(await wcagViolations(page), [], `${name} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${name} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

test("a German browser reads cmas in German until its person chooses French, at 1280 and 390 px", async () => {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    assert.equal(await page.locator("html").getAttribute("lang"), "de");
    assert.equal(await page.locator("h1").innerText(), "Anmelden");
    await looked(page, "login-de", width);
    await page.getByLabel("E-Mail").fill("consultant@demo.cmas");
    await page.getByLabel("Passwort").fill("demo-consultant-pass");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL(`${base}/`);
    assert.equal(await page.locator("nav.site").getAttribute("aria-label"), "Hauptnavigation");
    await looked(page, "home-de", width);

    // A client's scorecard, in the client's report language.
    await page.goto(`${base}/clients`);
    await looked(page, "clients-de", width);
    await page.locator("#results tbody tr td.lead a").first().click();
    await page.waitForURL(/\/clients\/\d+$/);
    await page.locator("a[href$='/scorecard']").first().click();
    await page.waitForURL(/\/assessments\/\d+\/scorecard$/);
    await page.goto(`${page.url()}?lang=de`);
    assert.match(await page.locator("main").innerText(), /Prioritäten: Was zuerst anzugehen ist/);
    await looked(page, "scorecard-de", width);

    // Their own choice beats the browser's, and back.
    await page.goto(`${base}/password`);
    await page.locator("select[name=language]").selectOption("fr");
    await page.getByRole("button", { name: "Sprache speichern" }).click();
    await page.waitForURL(/done=language/);
    assert.equal(await page.locator("html").getAttribute("lang"), "fr");
    assert.equal(await page.locator(".notice").innerText(), "Votre langue est enregistrée.");
    await looked(page, "password-fr", width);
    await page.locator("select[name=language]").selectOption("");
    await page.getByRole("button", { name: "Enregistrer la langue" }).click();
    await page.waitForURL(/done=language/);
    assert.equal(await page.locator("html").getAttribute("lang"), "de");
    await context.close();
  }
});
