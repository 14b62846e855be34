// Single sign-on as people meet it in Chromium, against a real OpenID
// provider (oidc-provider from the npm registry, ./oidc-provider.mjs): the
// admin sets the provider up on the single sign-on page; a consultant types
// the organisation's short name on the login page, signs in at the provider
// and lands in cmas with the role their group gives; someone of another
// e-mail domain is refused with a page that says why. Every page axe-core
// clean and no wider than the screen; screenshots kept.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { useCmas, logIn, browser, base, freePort, SHOTS, wcagViolations, overflow } from "./harness.mjs";

useCmas();
let provider;
after(() => provider?.kill("SIGTERM"));

async function looked(page, name, width) {
  assert.deepEqual(await wcagViolations(page), [], `${name} at ${width}px`);
  assert.ok((await overflow(page)) <= 1, `${name} is wider than ${width}px`);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** The provider with cmas as its client; resolves with its issuer. */
async function startProvider() {
  const port = await freePort();
  const config = {
    port,
    clients: [{ client_id: "cmas-demo", client_secret: "demo-client-secret", redirect_uris: [`${base}/sso/callback`] }],
    accounts: {
      "sam@demo.cmas": { name: "Sam Single", groups: ["staff", "cmas-consultants"] },
      "eve@elsewhere.example": { name: "Eve Else", groups: ["cmas-consultants"] },
    },
  };
  provider = spawn(process.execPath, [new URL("./oidc-provider.mjs", import.meta.url).pathname, JSON.stringify(config)], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [line] = await once(createInterface({ input: provider.stdout }), "line");
  assert.equal(line, "ready");
  return `http://127.0.0.1:${port}`;
}

async function throughProvider(page, slug, account) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Your organisation's short name").fill(slug);
  await page.getByRole("button", { name: "Continue with your identity provider" }).click();
  await page.getByLabel("Account").fill(account);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin sets up single sign-on; a consultant signs in through the provider; another domain is refused", async () => {
  const issuer = await startProvider();
  const admin = await logIn("admin@demo.cmas", "demo-admin-pass");
  for (const width of [1280, 390]) {
    await admin.page.setViewportSize({ width, height: 900 });
    await admin.page.goto(`${base}/admin/sso`);
    await looked(admin.page, "sso-settings-empty", width);
  }
  await admin.page.setViewportSize({ width: 1280, height: 900 });
  const form = admin.page.locator("main form").first();
  await form.getByLabel("Issuer").fill(issuer);
  await form.getByLabel("Client id").fill("cmas-demo");
  await form.getByLabel("Client secret").fill("demo-client-secret");
  await form.getByLabel("Allowed e-mail domains").fill("demo.cmas");
  await form.getByLabel("Roles from the claim").fill("cmas-consultants = consultant\nnot a line");
  await form.getByRole("button", { name: "Save single sign-on" }).click();
  // A refused line: said beside the roles box, and what was typed is kept.
  assert.match(await admin.page.locator("#sso-map-error").innerText(), /Line 2 is not/);
  assert.equal(await form.getByLabel("Issuer").inputValue(), issuer);
  await form.getByLabel("Client secret").fill("demo-client-secret");
  await form.getByLabel("Roles from the claim").fill("cmas-consultants = consultant");
  await form.getByRole("button", { name: "Save single sign-on" }).click();
  await admin.page.waitForURL(/\/admin\/sso\?done=sso$/);
  assert.match(await admin.page.locator("main").innerText(), /Single sign-on is saved/);
  const link = await admin.page.locator("main dl a").innerText();
  const slug = link.split("/sso/")[1];
  assert.ok(slug, `a sign-in link: ${link}`);
  for (const width of [1280, 390]) {
    await admin.page.setViewportSize({ width, height: 900 });
    await admin.page.reload();
    await looked(admin.page, "sso-settings", width);
  }
  await admin.context.close();

  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await throughProvider(page, slug, "sam@demo.cmas");
    await page.waitForURL(`${base}/`);
    assert.match(await page.locator("header").innerText(), /Sam Single · Consultant/);
    await looked(page, "sso-signed-in", width);

    const refused = await browser.newContext({ viewport: { width, height: 900 } });
    const other = await refused.newPage();
    await throughProvider(other, slug, "eve@elsewhere.example");
    await other.waitForURL(/\/sso\/callback/);
    assert.match(await other.locator("main").innerText(), /may not sign in to this organisation/);
    await looked(other, "sso-refused", width);
    await refused.close();
    await context.close();
  }
});
