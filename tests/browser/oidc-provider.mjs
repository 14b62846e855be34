// A real OpenID provider for cmas's tests: the certified `oidc-provider`
// package from the npm registry, configured here (clients, accounts, a
// sign-in page), not written here. Started by the Rust tests (tests/api/sso.rs)
// and the browser tests with one JSON argument:
//   { "port": 4801,
//     "clients": [{ "client_id", "client_secret", "redirect_uris": [...] }],
//     "accounts": { "ada@alpha.example": { "name", "groups", "email_verified", "tamper" } } }
// Prints "ready" once it listens on 127.0.0.1:port.
//
// An account with `tamper` gets an ID token the provider signed and then
// changed in one respect, re-signed with the provider's own key (so only
// that respect is wrong): "audience" (issued for another application),
// "expired" (an hour ago), "nonce" (another sign-in's), "issuer" (another
// issuer); "signature" signs it with a key the provider never published.
import Provider from "oidc-provider";
import * as jose from "jose";
import http from "node:http";

const config = JSON.parse(process.argv[2] ?? "{}");
const port = Number(config.port);
const issuer = `http://127.0.0.1:${port}`;
const accounts = config.accounts ?? {};

const kid = "cmas-test";
const { privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
const stranger = (await jose.generateKeyPair("RS256")).privateKey;
const signing = { ...(await jose.exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };

const provider = new Provider(issuer, {
  clients: (config.clients ?? []).map((client) => ({
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
    ...client,
  })),
  jwks: { keys: [signing] },
  pkce: { required: () => true },
  // The claims go into the ID token itself, where cmas reads them.
  conformIdTokenClaims: false,
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "groups"],
  },
  scopes: ["openid", "email", "profile"],
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ["cmas-test-provider"] },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: id,
          email_verified: account.email_verified ?? true,
          name: account.name,
          groups: account.groups,
        };
      },
    };
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === "/token" && ctx.body?.id_token) {
    const claims = jose.decodeJwt(ctx.body.id_token);
    const how = accounts[claims.sub]?.tamper;
    if (how) ctx.body.id_token = await tampered(claims, how);
  }
});

async function tampered(claims, how) {
  const now = Math.floor(Date.now() / 1000);
  const changed = { ...claims };
  let key = privateKey;
  if (how === "audience") changed.aud = "another-application";
  if (how === "expired") Object.assign(changed, { iat: now - 7200, exp: now - 3600 });
  if (how === "nonce") changed.nonce = "another-sign-in";
  if (how === "issuer") changed.iss = "http://127.0.0.1:1";
  if (how === "signature") key = stranger;
  return new jose.SignJWT(changed).setProtectedHeader({ alg: "RS256", kid }).sign(key);
}

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res, status, uid, error) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test identity provider</title></head><body><main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}">
<label>Account <input name="login" type="email" required></label>
<button type="submit">Sign in</button>
</form></main></body></html>`);
}

async function form(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** The provider's sign-in page: an account name, no password (a test provider). */
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") return page(res, 200, details.uid);
  const login = (await form(req)).get("login") ?? "";
  if (!accounts[login]) return page(res, 401, details.uid, `No account ${login}`);
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const handle = provider.callback();
http
  .createServer((req, res) => {
    if (req.url.startsWith("/interaction/")) {
      interaction(req, res).catch((error) => {
        res.writeHead(400, { "content-type": "text/plain" });
        res.end(String(error));
      });
    } else {
      handle(req, res);
    }
  })
  .listen(port, "127.0.0.1", () => console.log("ready"));
