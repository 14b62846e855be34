// End-to-end: the real cmas binary with the demo data, driven in Debian's
// headless Chromium. Run by scripts/browser-tests.sh (and so by .ci/run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useCmas, logIn, base, SHOTS } from "./harness.mjs";

useCmas();

test("a consultant logs in and pages through the organisation's assessments at both widths", async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await logIn("consultant@demo.cmas", "demo-consultant-pass", width);
    await assert.doesNotReject(page.getByRole("heading", { level: 1, name: "Home" }).waitFor());
    assert.match(await page.locator("header .who").innerText(), /Carla Consultant · Consultant · Northbridge Consulting/);
    await page.getByRole("link", { name: "All assessments" }).click();
    const rows = await page.locator("tbody tr").count();
    assert.equal(rows, 50, "one page of assessments");
    assert.match(await page.locator("nav.pager").innerText(), /Page 1 of 4 · 160 in all/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the window`);
    await page.screenshot({ path: join(SHOTS, `dashboard-${width}.png`), fullPage: false });
    await context.close();
  }
});

test("an executive opens a scorecard, downloads its PDF and cannot open another client's", async () => {
  const { context, page } = await logIn("executive@demo.cmas", "demo-executive-pass");
  assert.match(await page.locator("h1").innerText(), /Your clients/);
  assert.ok(await page.locator("figure svg").count() === 1, "one trend chart");
  assert.ok(await page.locator("h2", { hasText: "Scores over time" }).count() === 1, "for one client at a time");
  await page.screenshot({ path: join(SHOTS, "executive-home-1280.png"), fullPage: false });
  const view = page.getByRole("link", { name: "Scorecard" }).first();
  const href = await view.getAttribute("href");
  await view.click();
  await page.waitForURL(`${base}${href}`);
  assert.ok(await page.locator(".report svg").count() >= 2, "the charts are there");
  assert.ok(await page.getByRole("link", { name: /Back to/ }).count() === 1, "a way back");
  await page.screenshot({ path: join(SHOTS, "scorecard-1280.png") });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  assert.match(download.suggestedFilename(), /^.+ – scorecard – \d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await context.request.get(`${base}/api/v1/assessments/${href.split("/")[2]}/scorecard.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()["content-type"], "application/pdf");
  assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");
  // Assessment ids of other clients are not theirs: 404, as if they did not exist.
  // (Asked outside the page: a report's policy lets it fetch nothing.)
  const listed = await (await context.request.get(`${base}/api/v1/assessments`)).json();
  const mine = new Set(listed.map((a) => a.id));
  const other = [...Array(200).keys()].map((i) => i + 1).find((id) => !mine.has(id));
  const refused = await context.request.get(`${base}/api/v1/assessments/${other}/scorecard.html`);
  assert.equal(refused.status(), 404);
  await context.close();
});

test("a form post without the CSRF token is refused and changes nothing", async () => {
  const { context, page } = await logIn("admin@demo.cmas", "demo-admin-pass");
  const status = await page.evaluate(async () => (await fetch("/logout", { method: "POST", body: new URLSearchParams() })).status);
  assert.equal(status, 403);
  await page.reload();
  assert.equal(new URL(page.url()).pathname, "/", "still logged in");
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(`${base}/login`);
  await context.close();
});

test("a consultant creates a client and an assessment with the forms, scores a whole area, reloads and finds every answer kept", async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await logIn("consultant@demo.cmas", "demo-consultant-pass", width);
    // Through the forms: a new client, then an assessment of it.
    await page.getByRole("link", { name: "New client" }).click();
    await page.getByLabel("Name").fill(`Browser Bank ${width}`);
    await page.getByLabel("Sector").fill("Retail banking");
    await page.getByLabel("Size band").fill("1,000–5,000 employees");
    await page.getByLabel("Region").fill("Nordics");
    await page.getByRole("button", { name: "Create the client" }).click();
    await page.waitForURL(/\/clients\/\d+$/);
    await page.getByRole("link", { name: "New assessment" }).click();
    await page.waitForURL(/\/assessments\/new\?client_id=/);
    await page.getByLabel("Customer group (optional)").fill("current high value");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    const id = new URL(page.url()).pathname.split("/").pop();
    await page.goto(`${base}/assessments/${id}?area=PO`);
    const questions = page.locator("fieldset.question");
    const count = await questions.count();
    assert.ok(count >= 10, `${count} questions in People & Organisation`);
    for (let i = 0; i < count; i++) {
      const question = questions.nth(i);
      const saved = page.waitForResponse((r) => r.url().includes("/scores/") && r.request().method() === "PUT");
      await question.getByLabel("Intention").selectOption(String((i % 10) + 1));
      await question.getByLabel("Reality").selectOption(String(i % 10));
      assert.equal((await saved).status(), 200);
      await question.locator('.save-state[data-kind="saved"]').waitFor();
    }
    const typed = page.waitForResponse((r) => r.url().includes("/scores/") && r.request().method() === "PUT");
    await questions.nth(0).getByLabel("Evidence").fill("Objectives reviewed with HR; bonus tied to retention");
    assert.equal((await typed).status(), 200);
    await page.screenshot({ path: join(SHOTS, `scoring-${width}.png`) });
    await page.reload();
    assert.match(await page.locator("[data-progress]").innerText(), new RegExp(`^${count} of ${count} answered`));
    for (let i = 0; i < count; i++) {
      const question = questions.nth(i);
      assert.equal(await question.getByLabel("Intention").inputValue(), String((i % 10) + 1));
      assert.equal(await question.getByLabel("Reality").inputValue(), String(i % 10));
    }
    assert.equal(await questions.nth(0).getByLabel("Evidence").inputValue(), "Objectives reviewed with HR; bonus tied to retention");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the scoring page is ${overflow}px wider than the window`);
    await context.close();
  }
});

test("two assessors disagree and the lead sets an agreed score", async () => {
  const lead = await logIn("consultant@demo.cmas", "demo-consultant-pass");
  const id = await lead.page.evaluate(async () => {
    const csrf = document.querySelector('meta[name="csrf-token"]').content;
    const post = async (url, body) =>
      (await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) })).json();
    const users = await (await fetch("/api/v1/users")).json();
    const bruno = users.find((u) => u.email === "bruno@demo.cmas");
    const client = await post("/api/v1/clients", { name: "Disagreement Bank", sector: "Retail banking", size_band: "5,000+ employees", region: "DACH" });
    const questionnaires = await (await fetch("/api/v1/questionnaires")).json();
    const assessment = await post("/api/v1/assessments", { client_id: client.id, questionnaire_id: questionnaires[0].id, assessment_date: "2026-11-21", assessor_ids: [bruno.id] });
    return assessment.id;
  });
  // Each assessor scores the same question, four points apart.
  await lead.page.goto(`${base}/assessments/${id}?area=ME`);
  const mine = lead.page.locator("fieldset.question").first();
  await mine.getByLabel("Intention").selectOption("8");
  await mine.getByLabel("Reality").selectOption("7");
  await mine.locator('.save-state[data-kind="saved"]').waitFor();
  const co = await logIn("bruno@demo.cmas", "demo-consultant-pass");
  await co.page.goto(`${base}/assessments/${id}?area=ME`);
  const theirs = co.page.locator("fieldset.question").first();
  await theirs.getByLabel("Intention").selectOption("3");
  await theirs.getByLabel("Reality").selectOption("2");
  await theirs.locator('.save-state[data-kind="saved"]').waitFor();
  await co.context.close();

  await lead.page.goto(`${base}/assessments/${id}/review`);
  const dispute = lead.page.locator("fieldset.question").first();
  assert.match(await dispute.innerText(), /Carla Consultant: Intention 8, Reality 7/);
  assert.match(await dispute.innerText(), /Bruno Berger: Intention 3, Reality 2/);
  await dispute.getByLabel("Agreed Intention").selectOption("6");
  await dispute.getByLabel("Agreed Reality").selectOption("5");
  await dispute.locator('.save-state[data-kind="saved"]').waitFor();
  const question = await dispute.getAttribute("data-question");
  const result = await lead.page.evaluate(async ({ id, question }) => {
    const results = await (await fetch(`/api/v1/assessments/${id}/results`)).json();
    return results.questions.find((q) => q.question_id === question);
  }, { id, question });
  assert.equal(result.agreed, true);
  assert.equal(result.intention, 6);
  await lead.page.screenshot({ path: join(SHOTS, "review-1280.png") });
  // Finalising with unanswered questions is refused with the reason on the page.
  await lead.page.getByRole("button", { name: "Finalise the assessment" }).click();
  await lead.page.locator('[data-finalise-state][data-kind="error"]').waitFor();
  assert.match(await lead.page.locator("[data-finalise-state]").innerText(), /questions have no consolidated answer yet/);
  await lead.context.close();
});
