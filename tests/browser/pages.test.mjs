// Every page for every role: WCAG 2.1 AA checks (axe-core), keyboard use,
// no sideways scrolling on a phone, and the admin, data, study and offline
// workbook pages doing their jobs. Screenshots at 1280 and 360 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useCmas, logIn, base, browser, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();

const CONSULTANT = ["consultant@demo.cmas", "demo-consultant-pass"];

/** A new assessment led by the logged-in consultant, with one question answered; its id. */
async function freshAssessment(page, name) {
  return page.evaluate(async (name) => {
    const csrf = document.querySelector('meta[name="csrf-token"]').content;
    const send = async (method, url, body) =>
      (await fetch(url, { method, headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) })).json();
    const client = await send("POST", "/api/v1/clients", { name, sector: "Telecoms", size_band: "5,000+ employees", region: "Benelux" });
    const questionnaires = await (await fetch("/api/v1/questionnaires")).json();
    const assessment = await send("POST", "/api/v1/assessments", { client_id: client.id, questionnaire_id: questionnaires[0].id, assessment_date: "2026-11-20" });
    await send("PUT", `/api/v1/assessments/${assessment.id}/scores/AP.1.1`, { intention: 6, reality: 4, evidence: "Segment plan seen" });
    return assessment.id;
  }, name);
}

/** Checks one page at one width: no WCAG A/AA violation, no sideways scrolling; saves a screenshot. */
async function check(page, path, shot, width) {
  const response = await page.goto(`${base}${path}`);
  assert.ok(response.ok(), `${path}: ${response.status()}`);
  const violations = await wcagViolations(page);
  assert.deepEqual(violations, [], `${path} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${path} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${shot}-${width}.png`), fullPage: true });
}

test("every page passes the WCAG 2.1 AA checks and fits the screen at 1280 and 360 px", async () => {
  for (const width of [1280, 360]) {
    const staff = await logIn(...CONSULTANT, width);
    const id = await freshAssessment(staff.page, `Accessible Telecom ${width}`);
    for (const [path, shot] of [
      ["/", "dashboard"],
      ["/clients?q=bank", "clients"],
      ["/clients/1", "client"],
      ["/assessments", "assessments"],
      [`/assessments/${id}`, "scoring"],
      [`/assessments/${id}/review`, "review"],
      ["/clients/new", "new-client"],
      ["/assessments/new", "new-assessment"],
      ["/data", "data"],
      ["/study", "study"],
      ["/tokens", "tokens"],
      ["/password", "password"],
      ["/nowhere", "not-found"],
    ]) {
      if (path === "/nowhere") {
        await staff.page.goto(`${base}${path}`);
        assert.deepEqual(await wcagViolations(staff.page), [], "the 404 page");
        continue;
      }
      await check(staff.page, path, shot, width);
    }
    await staff.context.close();

    const admin = await logIn("admin@demo.cmas", "demo-admin-pass", width);
    await check(admin.page, "/admin/users", "admin-users", width);
    await check(admin.page, "/admin/access", "admin-access", width);
    await check(admin.page, "/admin/audit", "admin-audit", width);
    await admin.context.close();

    const executive = await logIn("executive@demo.cmas", "demo-executive-pass", width);
    await check(executive.page, "/", "executive-home", width);
    const view = await executive.page.getByRole("link", { name: "Scorecard" }).first().getAttribute("href");
    await check(executive.page, view, "scorecard", width);
    await executive.context.close();

    const anonymous = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await check(anonymous, "/login", "login", width);
    await anonymous.context().close();
  }
});

test("the keyboard alone reaches the content, scores a question and shows where focus is", async () => {
  const { context, page } = await logIn(...CONSULTANT);
  const id = await freshAssessment(page, "Keyboard Insurance");
  await page.goto(`${base}/assessments/${id}?area=PR`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the content" });
  assert.ok(await skip.evaluate((a) => a === document.activeElement), "the first Tab stop skips the menu");
  assert.ok((await skip.boundingBox()).y >= 0, "the skip link shows when focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "content");
  // Tab on until the first Intention select has focus.
  let steps = 0;
  while (!(await page.evaluate(() => document.activeElement?.name === "intention"))) {
    await page.keyboard.press("Tab");
    assert.ok(++steps < 60, "the first score is reachable by Tab");
  }
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "focus is visible");
  const saved = page.waitForResponse((r) => r.url().includes("/scores/") && r.request().method() === "PUT" && r.status() === 200);
  await page.keyboard.type("7");
  await page.keyboard.press("Tab");
  await page.keyboard.type("5");
  await saved;
  const first = page.locator("fieldset.question").first();
  await first.locator('.save-state[data-kind="saved"]').waitFor();
  assert.equal(await first.getByLabel("Intention").inputValue(), "7");
  assert.equal(await first.getByLabel("Reality").inputValue(), "5");
  // The evidence guidance opens from the keyboard too.
  await first.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.ok(await first.locator("details").evaluate((d) => d.open), "guidance opens with Enter");
  await context.close();
});

test("a consultant takes the scoring workbook offline and uploads it back; a wrong file is refused with the reason", async () => {
  const { context, page } = await logIn(...CONSULTANT);
  const id = await freshAssessment(page, "Offline Shipping");
  await page.goto(`${base}/assessments/${id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download your scoring workbook (XLSX)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "Offline Shipping – scoring workbook – Carla Consultant – 2026-11-20.xlsx");
  const file = await download.path();
  await page.getByLabel("Filled workbook").setInputFiles(file);
  await page.getByRole("button", { name: "Upload the workbook" }).click();
  await page.waitForURL(/saved=0&unchanged=1$/);
  assert.match(await page.getByRole("status").first().innerText(), /The workbook is in: 0 saved, 1 unchanged\./);
  await page.screenshot({ path: join(SHOTS, "workbook-uploaded-1280.png") });

  await page.getByLabel("Filled workbook").setInputFiles({ name: "notes.xlsx", mimeType: "text/plain", buffer: Buffer.from("not a workbook") });
  await page.getByRole("button", { name: "Upload the workbook" }).click();
  await page.getByRole("heading", { name: "The workbook was not stored" }).waitFor();
  assert.match(await page.locator("table.flaws").innerText(), /the file\s+This is not an XLSX workbook/);
  await page.screenshot({ path: join(SHOTS, "workbook-refused-1280.png") });
  await context.close();
});

test("an admin invites an executive, who sets a password by the link, and gives them two clients", async () => {
  const { context, page } = await logIn("admin@demo.cmas", "demo-admin-pass");
  await page.getByRole("link", { name: "Admin" }).click();
  const invite = page.locator('form[method="post"][action="/admin/users"]');
  await invite.getByLabel("Email").fill("new.exec@demo.cmas");
  await invite.getByLabel("Name", { exact: true }).fill("Nadia Newcomer");
  await invite.getByLabel("Role").selectOption("executive");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  assert.match(link, /\/invitations\/i_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: join(SHOTS, "admin-invited-1280.png") });

  const invited = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
  await invited.goto(link);
  assert.match(await invited.locator("h1").innerText(), /Welcome, Nadia Newcomer/);
  await invited.getByLabel("Password", { exact: true }).fill("a-long-browser-password");
  await invited.getByLabel("The same password again").fill("a-long-browser-password");
  await invited.getByRole("button", { name: "Set my password" }).click();
  await invited.getByText("Your account is open.").waitFor();
  assert.deepEqual(await wcagViolations(invited), [], "the invitation page");
  await invited.screenshot({ path: join(SHOTS, "invitation-accepted-390.png") });
  await invited.context().close();

  await page.goto(`${base}/admin/access`);
  await page.getByLabel("Person").selectOption({ label: "Nadia Newcomer (new.exec@demo.cmas)" });
  const options = page.getByLabel("Clients").locator("option");
  const chosen = [await options.nth(0).innerText(), await options.nth(1).innerText()];
  await page.getByLabel("Clients").selectOption(chosen.map((label) => ({ label })));
  await page.getByRole("button", { name: "Give access" }).click();
  await page.getByText("The access was given.").waitFor();
  // Removing asks first.
  await page.getByRole("button", { name: `Remove the access of Nadia Newcomer to ${chosen[1]}` }).click();
  await page.getByRole("heading", { name: "Remove access?" }).waitFor();
  await page.getByRole("button", { name: "Remove the access" }).click();
  await page.getByText("The access was removed.").waitFor();
  await context.close();
  const client = chosen[0];

  const executive = await logIn("new.exec@demo.cmas", "a-long-browser-password");
  const clients = await executive.page.evaluate(async () => (await (await fetch("/api/v1/clients")).json()).map((c) => c.name));
  assert.deepEqual(clients, [client]);
  const denied = await executive.page.goto(`${base}/admin/users`);
  assert.equal(denied.status(), 403);
  assert.match(await executive.page.locator("h1").innerText(), /Not allowed/);
  await executive.context.close();
});

test("a consultant uploads KPI values, sees the bad row named, and reads the study's charts", async () => {
  const { context, page } = await logIn(...CONSULTANT);
  await page.goto(`${base}/data`);
  const kpi = (await page.locator("table.cards tbody tr td").first().innerText()).trim();
  const client = await page.evaluate(async () => (await (await fetch("/api/v1/clients")).json())[0].name);
  const csv = `client,kpi,period,value\n"${client}","${kpi}",2026,12.5\n"${client}","${kpi}",2026,lots\n`;
  await page.locator('form[action="/data/kpi-values"]').getByLabel("or paste the CSV").fill(csv);
  await page.getByRole("button", { name: "Upload the values" }).click();
  await page.getByRole("alert").waitFor();
  assert.match(await page.locator("table.flaws").innerText(), /row 3, column 4\s+`lots` is not a number\./);
  await page.screenshot({ path: join(SHOTS, "data-refused-1280.png"), fullPage: true });

  await page.goto(`${base}/study`);
  assert.ok(await page.locator(".study figure svg").count() >= 2, "the scatter and the heat map");
  assert.ok((await page.locator(".study li").count()) >= 1, "findings are listed");
  await page.getByRole("combobox", { name: /^Correlation/ }).selectOption("kendall");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/method=kendall/);
  assert.match(await page.locator(".study .meta").innerText(), /kendall/i);
  await context.close();
});

test("a programme manager opens a programme, sees where the grid improved and what is late, and takes the PDF to the board", async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await logIn("programme@demo.cmas", "demo-programme-pass", width);
    const link = page.locator("main").getByRole("link", { name: /Customer first/ }).first();
    await link.click();
    await page.waitForURL(/\/programmes\/\d+$/);
    const id = new URL(page.url()).pathname.split("/").pop();
    assert.ok(await page.locator(".programme svg").count() >= 3, "coverage map, timeline and trends are drawn");
    assert.match(await page.locator(".programme").innerText(), /late/i);
    assert.deepEqual(await wcagViolations(page), [], `the programme page at ${width}px`);
    assert.ok((await overflow(page)) <= 1, `the programme page is wider than ${width}px`);
    await page.screenshot({ path: join(SHOTS, `programme-${width}.png`), fullPage: true });
    const pdf = await context.request.get(`${base}/api/v1/programmes/${id}/report.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");
    // The table of projects: a mistyped number keeps every value typed and
    // says so beside its field; fixed, the rows are saved at once.
    const row = page.locator("table.rows tbody tr").first();
    // The first project depends on none: starting it earlier keeps the plan sound.
    await row.getByLabel(/^Start of/).fill("2025-06-01");
    await row.getByLabel(/^Cost so far of/).fill("12O,000");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await page.getByText("Nothing was saved").waitFor();
    const again = page.locator("table.rows tbody tr").first();
    assert.equal(await again.getByLabel(/^Start of/).inputValue(), "2025-06-01", "the date typed is kept");
    assert.match(await again.locator(".field-error").innerText(), /Cost so far must be a number, e\.g\. 251,000\./);
    await page.screenshot({ path: join(SHOTS, `programme-refused-${width}.png`) });
    await again.getByLabel(/^Cost so far of/).fill("120,000");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await page.getByText("The project's progress is recorded.").waitFor();
    assert.equal(await page.locator("table.rows tbody tr").first().getByLabel(/^Cost so far of/).inputValue(), "120,000");
    await context.close();
  }
});
