// Fieldwork in the browser: nothing a consultant types is lost (a note
// before any score, answers given offline, a change someone else made
// meanwhile), and the fieldwork page's interview plan, evidence and
// coverage, at desk and phone width.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useCmas, logIn, base, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();

const CONSULTANT = ["consultant@demo.cmas", "demo-consultant-pass"];

/** A new open assessment led by the logged-in consultant (with `assessors` by e-mail); its id. */
async function openAssessment(page, name, assessors = []) {
  return page.evaluate(async ({ name, assessors }) => {
    const csrf = document.querySelector('meta[name="csrf-token"]').content;
    const send = async (method, url, body) =>
      (await fetch(url, { method, headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) })).json();
    const users = await (await fetch("/api/v1/users")).json();
    const ids = users.filter((u) => assessors.includes(u.email)).map((u) => u.id);
    const client = await send("POST", "/api/v1/clients", { name, sector: "Utilities", size_band: "5,000+ employees", region: "Iberia" });
    const questionnaires = await (await fetch("/api/v1/questionnaires")).json();
    const assessment = await send("POST", "/api/v1/assessments", { client_id: client.id, questionnaire_id: questionnaires[0].id, assessment_date: "2026-12-01", assessor_ids: ids });
    return assessment.id;
  }, { name, assessors });
}

/** The caller's stored answers of an assessment, by question. */
async function storedAnswers(page, id) {
  return page.evaluate(async (id) => {
    const answers = await (await fetch(`/api/v1/assessments/${id}/scores`)).json();
    return Object.fromEntries(answers.map((a) => [a.question_id, a]));
  }, id);
}

test("a note typed before any score is kept as a draft and is there after a reload", async () => {
  const { context, page } = await logIn(...CONSULTANT);
  const id = await openAssessment(page, "Draft Note Utility");
  await page.goto(`${base}/assessments/${id}?area=AP`);
  const first = page.locator("fieldset.question").first();
  await first.getByLabel("Evidence note").fill("Marketing plan 2026 seen; no segment targets in it");
  await first.locator('.save-state[data-kind="saved"]').waitFor();
  assert.match(await first.locator(".save-state").innerText(), /draft/i);
  await page.reload();
  const again = page.locator("fieldset.question").first();
  assert.equal(await again.getByLabel("Evidence note").inputValue(), "Marketing plan 2026 seen; no segment targets in it");
  assert.match(await again.locator(".save-state").innerText(), /not complete/);
  assert.match(await page.locator("[data-progress]").innerText(), /^0 of \d+ answered/, "a draft is not counted as answered");
  // One dimension, then the other: complete, and counted.
  await again.getByLabel("Intention").selectOption("4");
  await again.locator('.save-state[data-kind="saved"]').waitFor();
  await again.getByLabel("Reality").selectOption("2");
  await page.waitForFunction(() => document.querySelector("[data-progress]").textContent.startsWith("1 of"));
  assert.equal(await page.locator("[data-status]").innerText(), "in progress");
  await context.close();
});

test("answers given offline wait in the browser and all arrive, in order, when the network returns", async () => {
  const { context, page } = await logIn(...CONSULTANT);
  const id = await openAssessment(page, "Offline Utility");
  await page.goto(`${base}/assessments/${id}?area=PR`);
  const questions = page.locator("fieldset.question");
  await context.setOffline(true);
  const order = [];
  for (let i = 0; i < 5; i++) {
    const question = questions.nth(i);
    order.push(await question.getAttribute("data-question"));
    await question.getByLabel("Intention").selectOption(String(i + 3));
    await question.getByLabel("Reality").selectOption(String(i + 1));
    await question.getByLabel("Evidence note").fill(`Offline note ${i + 1}`);
    await question.getByLabel("Evidence note").blur();
  }
  await page.waitForFunction(() => document.querySelectorAll('fieldset.question[data-state="waiting"]').length === 5);
  const queued = await page.evaluate(() => JSON.parse(localStorage.getItem(`cmas-unsent:${location.pathname}`) || "[]").map((e) => e.question));
  assert.deepEqual(queued, order, "every change waits in the browser's storage, in order");
  await page.screenshot({ path: join(SHOTS, "offline-waiting-1280.png") });
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelectorAll('fieldset.question[data-answered="true"]').length === 5, null, { timeout: 20000 });
  await page.waitForFunction(() => localStorage.getItem(`cmas-unsent:${location.pathname}`) === null);
  const stored = await storedAnswers(page, id);
  order.forEach((q, i) => {
    assert.equal(stored[q]?.intention, i + 3, q);
    assert.equal(stored[q]?.reality, i + 1, q);
    assert.equal(stored[q]?.evidence, `Offline note ${i + 1}`, q);
    assert.equal(stored[q]?.complete, true, q);
  });
  // In order: the first save of each question came in the order they were answered.
  const trail = await page.evaluate(async (id) => (await (await fetch(`/api/v1/assessments/${id}/audit`)).json()), id);
  const saves = trail
    .filter((e) => e.action === "score.save")
    .sort((a, b) => a.id - b.id)
    .map((e) => JSON.parse(e.after_value).question_id);
  assert.deepEqual([...new Set(saves)], order);
  assert.match(await page.locator("[data-progress]").innerText(), /^5 of/);
  await context.close();
});

test("leaving with an unsent answer asks first, and the answer is sent from the next page", async () => {
  const { context, page } = await logIn(...CONSULTANT);
  const id = await openAssessment(page, "Leaving Utility");
  await page.goto(`${base}/assessments/${id}?area=AP`);
  // The server is unreachable for answers (the pages still load).
  await page.route("**/scores/**", (route) => route.abort());
  const first = page.locator("fieldset.question").first();
  const question = await first.getAttribute("data-question");
  // A real click: browsers ask before leaving only pages the user has touched.
  await first.getByLabel("Evidence note").click();
  await first.getByLabel("Intention").selectOption("7");
  await first.getByLabel("Reality").selectOption("6");
  await page.locator(`fieldset[data-question="${question}"][data-state="waiting"]`).waitFor();
  const asked = new Promise((resolve) => page.once("dialog", async (dialog) => {
    resolve(dialog.type());
    await dialog.accept();
  }));
  await page.unroute("**/scores/**");
  await page.goto(`${base}/assessments/${id}?area=PR`);
  assert.equal(await asked, "beforeunload", "the browser asked before leaving unsent work");
  await page.waitForFunction(() => localStorage.getItem(`cmas-unsent:${location.pathname}`) === null);
  const stored = await storedAnswers(page, id);
  assert.equal(stored[question]?.intention, 7);
  assert.equal(stored[question]?.reality, 6);
  await context.close();
});

test("two reviewers settle the same disagreement: the second sees the conflict and keeps what they chose", async () => {
  const lead = await logIn(...CONSULTANT);
  const id = await openAssessment(lead.page, "Conflict Utility", ["bruno@demo.cmas"]);
  const score = (page, body) =>
    page.evaluate(async ({ id, body }) => {
      const csrf = document.querySelector('meta[name="csrf-token"]').content;
      const r = await fetch(`/api/v1/assessments/${id}/scores/ME.1.1`, { method: "PUT", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) });
      return r.status;
    }, { id, body });
  assert.equal(await score(lead.page, { intention: 9, reality: 8 }), 200);
  const bruno = await logIn("bruno@demo.cmas", "demo-consultant-pass");
  assert.equal(await score(bruno.page, { intention: 2, reality: 1 }), 200);
  await bruno.context.close();

  // The lead and an admin open the review at the same time.
  const admin = await logIn("admin@demo.cmas", "demo-admin-pass");
  await lead.page.goto(`${base}/assessments/${id}/review`);
  await admin.page.goto(`${base}/assessments/${id}/review`);
  // Finalising now would let the mean settle the disagreement: the lead is asked first.
  const asked = new Promise((resolve) => lead.page.once("dialog", async (dialog) => {
    resolve(dialog.message());
    await dialog.dismiss();
  }));
  await lead.page.getByRole("button", { name: "Finalise the assessment" }).click();
  assert.match(await asked, /^1 disagreements have no agreed score/);
  assert.equal(await lead.page.locator("[data-finalise-state]").innerText(), "", "nothing was sent");
  const mine = lead.page.locator('fieldset.question[data-question="ME.1.1"]');
  await mine.getByLabel("Agreed Intention").selectOption("6");
  await mine.getByLabel("Agreed Reality").selectOption("5");
  await mine.locator('.save-state[data-kind="saved"]').waitFor();
  const theirs = admin.page.locator('fieldset.question[data-question="ME.1.1"]');
  await theirs.getByLabel("Agreed Intention").selectOption("3");
  await theirs.getByLabel("Agreed Reality").selectOption("3");
  await theirs.locator('.save-state[data-kind="conflict"]').waitFor();
  assert.match(await theirs.locator(".save-state").innerText(), /Someone else changed/);
  assert.equal(await theirs.getByLabel("Agreed Intention").inputValue(), "3", "the admin's choice is still on screen");
  await admin.page.screenshot({ path: join(SHOTS, "review-conflict-1280.png") });
  const agreed = async () =>
    lead.page.evaluate(async (id) => (await (await fetch(`/api/v1/assessments/${id}/results`)).json()).questions.find((q) => q.question_id === "ME.1.1"), id);
  assert.equal((await agreed()).intention, 6, "the first agreed score was not overwritten");
  await theirs.getByRole("button", { name: "Keep mine" }).click();
  await theirs.locator('.save-state[data-kind="saved"]').waitFor();
  assert.equal((await agreed()).intention, 3, "keeping theirs is a deliberate choice");
  await admin.context.close();
  await lead.context.close();
});

test("the fieldwork page plans an interview, keeps a refused form's input, uploads a document that an answer cites", async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await logIn(...CONSULTANT, width);
    const id = await openAssessment(page, `Fieldwork Utility ${width}`, ["bruno@demo.cmas"]);
    await page.goto(`${base}/assessments/${id}`);
    await page.getByRole("link", { name: /Fieldwork/ }).click();
    await page.waitForURL(/\/fieldwork$/);
    // A refused form keeps what was typed, the error beside its field.
    await page.getByLabel("Address").fill("not a link");
    await page.locator('form[action$="/links"]').getByLabel("Title").fill("Service dashboard");
    await page.getByRole("button", { name: "Add the link" }).click();
    assert.match(await page.locator('form[action$="/links"] .error').innerText(), /http/);
    assert.equal(await page.locator('form[action$="/links"]').getByLabel("Title").inputValue(), "Service dashboard");
    await page.getByLabel("Address").fill("https://service.example.test/dashboard");
    await page.getByRole("button", { name: "Add the link" }).click();
    await page.locator(".notice", { hasText: "link is kept" }).waitFor();
    // The interview, held, covers its area.
    await page.getByLabel("Interviewee").fill("Ines Ortega");
    await page.getByLabel("Job title").fill("Head of customer service");
    await page.getByLabel("Function").selectOption("service");
    await page.getByLabel("Date and time").fill("2026-12-09T10:30");
    await page.getByLabel("Status").selectOption("held");
    await page.locator('form[action$="/interviews"] input[name="area"]').first().check();
    await page.getByRole("button", { name: "Add to the plan" }).click();
    await page.locator(".notice", { hasText: "interview is in the plan" }).waitFor();
    // Its notes autosave.
    const notes = page.locator("[data-interview] textarea").first();
    await notes.fill("Complaints logged in two systems; nobody owns the root causes.");
    await page.locator('[data-interview] .save-state[data-kind="saved"]').waitFor();
    // A document, typed by its bytes.
    await page.locator('input[type="file"]').setInputFiles({ name: "service-plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% service plan\n%%EOF\n") });
    await page.locator('form[action$="/documents"]').getByLabel(/^Title/).fill("Service plan 2026");
    await page.getByRole("button", { name: "Upload" }).click();
    await page.locator(".notice", { hasText: "document is kept" }).waitFor();
    assert.match(await page.locator("#evidence ~ .table-wrap").first().innerText(), /SHA-256 [0-9a-f]{64}/);
    // The lead gives Bruno one sub-area only.
    const bruno = page.locator("fieldset", { has: page.locator("legend", { hasText: "Bruno Berger" }) });
    await bruno.locator("details summary").first().click();
    await bruno.locator("details input[type=checkbox]").first().check();
    await page.getByRole("button", { name: "Save who scores what" }).click();
    await page.locator(".notice", { hasText: "division of the areas is saved" }).waitFor();
    const division = await page.evaluate(async (id) => (await (await fetch(`/api/v1/assessments/${id}/assignments`)).json()), id);
    assert.equal(division.assignments.length, 1);
    assert.match(division.assignments[0].area_id, /^[A-Z]+\.\d+$/, "a sub-area");
    assert.deepEqual(await wcagViolations(page), [], `fieldwork page at ${width}px`);
    assert.ok((await overflow(page)) <= 1, `the fieldwork page is wider than ${width}px`);
    await page.screenshot({ path: join(SHOTS, `fieldwork-${width}.png`), fullPage: true });
    await page.reload();
    assert.equal(await page.locator("[data-interview] textarea").first().inputValue(), "Complaints logged in two systems; nobody owns the root causes.");
    // The scoring screen cites it.
    await page.goto(`${base}/assessments/${id}?area=AP`);
    const first = page.locator("fieldset.question").first();
    await first.locator("details.cites summary").click();
    await first.getByLabel(/Service plan 2026/).check();
    await first.locator('.save-state[data-kind="saved"]').waitFor();
    const stored = await storedAnswers(page, id);
    assert.equal(stored[await first.getAttribute("data-question")].evidence_ids.length, 1);
    await context.close();
  }
});
