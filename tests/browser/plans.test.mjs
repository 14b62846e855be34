// From priorities to plans, as a consultancy's admin does it in Chromium:
// on Harbour Bank's latest scorecard, set a target (a refused value stays
// in its field with the reason beside it), propose an action from a
// priority (its area already ticked), find it on the client page, and
// compare the client's two latest waves. Every page axe-core clean and no
// wider than the screen, at 1280 and 390 px; screenshots kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useCmas, logIn, base, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();

async function looked(page, name, width) {
  assert.deepEqual(await wcagViolations(page), [], `${name} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${name} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

test("an admin sets a target, proposes an action from a priority and compares two waves, at 1280 and 390 px", async () => {
  for (const [round, width] of [[1, 1280], [2, 390]]) {
    const { context, page } = await logIn("admin@demo.cmas", "demo-admin-pass", width);
    const errors = [];
    page.on("console", (m) => m.type() === "error" && !m.text().includes("422") && errors.push(`${page.url()}: ${m.text()}`));

    await page.goto(`${base}/clients`);
    await page.getByRole("link", { name: "Harbour Bank", exact: true }).click();
    await page.waitForURL(/\/clients\/\d+$/);
    await page.getByRole("link", { name: "Scorecard" }).first().click();
    await page.waitForURL(/\/assessments\/\d+\/scorecard$/);

    // A target: a value out of range is refused beside its row and kept.
    await page.getByRole("link", { name: "Set targets" }).click();
    await page.waitForURL(/\/targets$/);
    const first = page.locator("input[name^='target_']").first();
    await first.fill("150");
    await page.getByRole("button", { name: "Save the targets as a new version" }).click();
    assert.match(await page.locator(".field-error").first().innerText(), /must be a number from 0 to 100/);
    assert.equal(await first.inputValue(), "150", "what was typed is kept");
    await looked(page, "targets-refused", width);
    await first.fill(String(60 + round));
    await page.getByRole("button", { name: "Save the targets as a new version" }).click();
    await page.waitForURL(/\/scorecard\?done=targets$/);
    assert.match(await page.locator("body").innerText(), /The targets are saved as a new version\./);
    assert.match(await page.locator(".report").innerText(), new RegExp(`Targets: version ${round} for this client and scope`));
    assert.match(await page.locator(".report").innerText(), new RegExp(`${60 + round}%`));

    // An action from the first priority, its area already ticked.
    const propose = page.locator("section.plan a").first();
    const area = (await propose.innerText()).replace(/^propose an action on /, "");
    await propose.click();
    await page.waitForURL(/\/actions\/new\?assessment=\d+&area=/);
    assert.ok(await page.getByRole("checkbox", { name: area, exact: true }).isChecked(), `${area} is ticked`);
    await looked(page, "action-form", width);
    const title = `Segment the base by value (${width})`;
    await page.getByLabel("What will be done").fill(title);
    await page.getByLabel("…or a person at the client").fill("Petra Berg");
    await page.getByLabel("Due").fill("2027-03-31");
    await page.getByLabel("Status").selectOption("agreed");
    await page.getByRole("button", { name: "Save the action" }).click();
    await page.waitForURL(/\/clients\/\d+\?done=action$/);
    const actions = await page.locator("#actions + p + .table-wrap, #actions ~ .table-wrap").first().innerText();
    assert.ok(actions.includes(title) && actions.includes("Petra Berg") && actions.includes(area), actions);
    await looked(page, "client-actions", width);

    // The two latest waves side by side.
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/\/compare\?one=\d+&other=\d+$/);
    const report = await page.locator(".report").innerText();
    assert.match(report, /Wave-over-wave comparison/);
    assert.match(report, /Practices: \d+ improved, \d+ regressed, \d+ mixed, \d+ unchanged, \d+ not compared\./);
    assert.match(report, /at least 1 point/);
    await looked(page, "comparison", width);
    assert.deepEqual(errors, [], "no console error");
    await context.close();
  }
});
