// The application as each role meets it, at a desk (1280 px) and on a phone
// (390 px): its home, finding a client by typing part of its name, the
// client's page, a duplicate name refused with a link, a scorecard saved
// under a name that says what it holds, the audit trail in sentences. On
// every page: axe-core clean, nothing wider than the screen, no console
// error (a missing favicon included). Screenshots of each role's home and
// main page land in target/browser-screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useCmas, logIn, base, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();

const ROLES = [
  ["consultant", "consultant@demo.cmas", "demo-consultant-pass"],
  ["admin", "admin@demo.cmas", "demo-admin-pass"],
  ["executive", "executive@demo.cmas", "demo-executive-pass"],
  ["programme-manager", "programme@demo.cmas", "demo-programme-pass"],
];

/** Logs in with every console error of every page kept. */
async function session(email, password, width) {
  const { context, page } = await logIn(email, password, width);
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
  page.on("response", (r) => r.status() === 404 && errors.push(`404 ${r.url()}`));
  return { context, page, errors };
}

/** The page as it stands is accessible, fits the screen, and is kept as a screenshot. */
async function looked(page, name, width) {
  assert.deepEqual(await wcagViolations(page), [], `${name} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${name} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

for (const [role, email, password] of ROLES) {
  test(`${role}: home, find a client as you type, its page and a scorecard named for what it holds, at 1280 and 390 px`, async () => {
    for (const width of [1280, 390]) {
      const { context, page, errors } = await session(email, password, width);
      await looked(page, `home-${role}`, width);

      await page.goto(`${base}/clients`);
      const rows = page.locator("#results tbody tr");
      const before = await rows.count();
      // Typing filters the list in place (htmx), without pressing Search.
      const search = page.getByLabel("Name", { exact: true });
      await search.pressSequentially("bank", { delay: 30 });
      await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "bank");
      await page.locator("#results").waitFor();
      const names = await page.locator("#results tbody tr td.lead").allInnerTexts();
      assert.ok(names.length >= 1 && names.every((n) => /bank/i.test(n)), `${role}: ${names}`);
      assert.ok(names.length <= before, "the list narrowed");
      await looked(page, `clients-${role}`, width);

      await page.locator("#results tbody tr td.lead a").first().click();
      await page.waitForURL(/\/clients\/\d+$/);
      await page.locator("h1").waitFor();
      await looked(page, `client-${role}`, width);

      const scorecard = page.getByRole("link", { name: "Scorecard" }).first();
      if (await scorecard.count()) {
        await scorecard.click();
        await page.waitForURL(/\/assessments\/\d+\/scorecard$/);
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
        assert.match(download.suggestedFilename(), /^.+ – scorecard – \d{4}-\d{2}-\d{2}\.pdf$/, role);
        // On a phone every chart label reads at 11 px or more.
        const smallest = await page.evaluate(() =>
          Math.min(...[...document.querySelectorAll(".report svg")].flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          })),
        );
        if (width === 390) assert.ok(smallest >= 11, `${role} at ${width}px: a chart label is ${smallest.toFixed(1)} px`);
        await looked(page, `scorecard-${role}`, width);
      }
      assert.deepEqual(errors, [], `${role} at ${width}px: no console error and no missing file`);
      await context.close();
    }
  });
}

test("a consultant creating a client with an existing name gets the message with a link to it, at 1280 and 390 px", async () => {
  for (const width of [1280, 390]) {
    const { context, page, errors } = await session("consultant@demo.cmas", "demo-consultant-pass", width);
    await page.goto(`${base}/clients/new`);
    await page.getByLabel("Name").fill("  harbour   BANK ");
    await page.getByLabel("Sector").fill("Retail banking");
    await page.getByLabel("Size band").fill("1,000–5,000 employees");
    await page.getByLabel("Region").fill("Nordics");
    await page.getByRole("button", { name: "Create the client" }).click();
    const message = page.locator("#client-name-error");
    assert.match(await message.innerText(), /A client named “Harbour Bank” exists already\./);
    assert.equal(await page.getByLabel("Sector").inputValue(), "Retail banking", "what was typed is kept");
    await looked(page, "client-duplicate", width);
    await message.getByRole("link", { name: "Open that client" }).click();
    await page.waitForURL(/\/clients\/\d+$/);
    assert.equal(await page.locator("h1").innerText(), "Harbour Bank");
    assert.deepEqual(errors.filter((e) => !e.includes("422")), [], "no console error");
    await context.close();
  }
});

test("an admin reads the audit trail in sentences, filtered by person, at 1280 and 390 px", async () => {
  for (const width of [1280, 390]) {
    const { context, page, errors } = await session("admin@demo.cmas", "demo-admin-pass", width);
    await page.goto(`${base}/admin/audit`);
    const first = await page.locator("ol.trail > li").first().innerText();
    assert.match(first, /Ada Admin logged in\./, "the latest event is this login, in words");
    await page.getByLabel("Person").selectOption({ label: "Ada Admin" });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/actor_id=/);
    const sentences = await page.locator("ol.trail > li").allInnerTexts();
    assert.ok(sentences.length >= 1 && sentences.every((s) => s.includes("Ada Admin")), sentences.join("\n"));
    assert.ok(!(await page.locator("ol.trail").innerText()).includes('{"'), "no JSON shown");
    await looked(page, "audit", width);
    assert.deepEqual(errors, [], "no console error");
    await context.close();
  }
});
