// Two factors required by the organisation, as its people meet it in
// Chromium: the admin requires them of everyone; a consultant (at 1280 px)
// and an executive (at 390 px) log in, are sent to enrol, scan (here: read)
// the key, switch it on with the app's code, see their recovery codes
// once, and from then on log in with a code in a second step, where a code
// used before is refused. Every page axe-core clean and no wider than the
// screen; screenshots kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { join } from "node:path";
import { useCmas, logIn, browser, base, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();

async function looked(page, name, width) {
  assert.deepEqual(await wcagViolations(page), [], `${name} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${name} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** The RFC 6238 code of a base32 key at a time, as an authenticator app shows it. */
function totp(key, seconds) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...key.replace(/=+$/, "")].map((c) => alphabet.indexOf(c).toString(2).padStart(5, "0")).join("");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = crypto.createHmac("sha1", Buffer.from(bytes)).update(counter).digest();
  const at = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1000000).padStart(6, "0");
}

async function passwordStep(page, email, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("an organisation requires two factors: people enrol, then log in with a code used once, at 1280 and 390 px", async () => {
  const admin = await logIn("admin@demo.cmas", "demo-admin-pass");
  await admin.page.goto(`${base}/admin/settings`);
  await admin.page.getByLabel("Everyone").check();
  await admin.page.getByRole("button", { name: "Save the settings" }).click();
  await admin.page.waitForURL(/\/admin\/settings\?done=settings$|\/two-factor$/);
  await admin.context.close();

  for (const [email, password, width] of [
    ["consultant@demo.cmas", "demo-consultant-pass", 1280],
    ["executive@demo.cmas", "demo-executive-pass", 390],
  ]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await passwordStep(page, email, password);
    // Sent to enrol: nothing else opens until then.
    await page.waitForURL(`${base}/two-factor`);
    assert.match(await page.locator("main").innerText(), /requires a second factor/);
    await page.goto(`${base}/clients`);
    await page.waitForURL(`${base}/two-factor`);
    assert.equal(await page.locator("nav.site").count(), 0, "no menu leads elsewhere while enrolling");
    await looked(page, "two-factor-required", width);

    await page.getByRole("button", { name: "Set up a second factor" }).click();
    const key = (await page.locator("code.secret-text").innerText()).trim();
    assert.ok(await page.locator("figure.qr svg").isVisible(), "the QR code is drawn");
    await looked(page, "two-factor-enrol", width);
    await page.getByLabel("Six-digit code").fill("000000" === totp(key, Date.now() / 1000) ? "111111" : "000000");
    await page.getByRole("button", { name: "Switch it on" }).click();
    assert.match(await page.locator("[role=alert]").innerText(), /wrong, expired or used already/);
    assert.equal((await page.locator("code.secret-text").innerText()).trim(), key, "the same key, to try again");
    await page.getByLabel("Six-digit code").fill(totp(key, Date.now() / 1000));
    await page.getByRole("button", { name: "Switch it on" }).click();
    const codes = await page.locator("ul.codes li").allInnerTexts();
    assert.equal(codes.length, 10, "ten recovery codes, shown once");
    await looked(page, "two-factor-codes", width);
    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole("button", { name: "Log out" }).click();

    // The next login asks for the code in a second step; the next step's code passes once.
    await passwordStep(page, email, password);
    await page.getByLabel("Code", { exact: true }).waitFor();
    await looked(page, "login-code", width);
    const next = totp(key, Date.now() / 1000 + 30);
    await page.getByLabel("Code", { exact: true }).fill(next);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole("button", { name: "Log out" }).click();
    await passwordStep(page, email, password);
    await page.getByLabel("Code", { exact: true }).fill(next);
    await page.getByRole("button", { name: "Log in" }).click();
    assert.match(await page.locator("[role=alert]").innerText(), /wrong, expired or used already/, "a code is accepted once");
    await looked(page, "login-code-refused", width);
    // A recovery code stands in for a lost phone, once.
    await page.getByLabel("Code", { exact: true }).fill(codes[0]);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${base}/`);
    await context.close();
  }
});
