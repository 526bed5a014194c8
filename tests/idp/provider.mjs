// A real OpenID provider (panva's oidc-provider) for the JWKS verifier's end-to-end tests,
// driven by tests/tests/idp_support/mod.rs.
//
//   node provider.mjs [port]     (port 0 or none: any free port)
//
// Listens on 127.0.0.1 only and prints one line, `READY http://127.0.0.1:<port>`, to stdout
// once it accepts requests; the issuer is that URL. Exits on SIGTERM, SIGINT, or when stdin
// closes (the Rust side holds the pipe, so a test process that dies takes this one along).
//
// Besides the provider's own endpoints, the same server answers test-only control routes:
//   POST /__rotate[?keep_old=1]       new signing keys; the JWKS publishes only them (or them
//                                     and the previous ones); answers {"kid", "kids"}
//   GET  /__stats                     {"jwks_requests", "discovery_requests"} since start
//   POST /__cache_control?max_age=N   the JWKS' Cache-Control becomes `max-age=N`

import * as crypto from 'node:crypto';
import * as http from 'node:http';

// oidc-provider prints its notices with console.info, i.e. to stdout, which the Rust side
// reads for the READY line: send them to stderr with the rest of the diagnostics.
console.info = console.error;
// oidc-provider 9 calls Node 20 "unsupported", yet runs fine on it (and Node 20 is what
// this machine has): that one warning is only noise in test output. Every other one shows.
const warn = console.warn;
console.warn = (...args) => {
  if (!/Unsupported runtime/.test(String(args[0]))) warn(...args);
};
// Imported only now: oidc-provider checks the Node version as it loads.
const { default: Provider, errors } = await import('oidc-provider');

// oidc-provider's default routes, spelled out: idp_support/mod.rs builds its URLs from them.
const JWKS_PATH = '/jwks';
const TOKEN_PATH = '/token';
const INTROSPECTION_PATH = '/token/introspection';
const DISCOVERY_PATH = '/.well-known/openid-configuration';

// Resource indicators (RFC 8707) and the algorithm each one's JWT access tokens are signed
// with; DEFAULT_RESOURCE is the one a token request that names none gets. The last one gets
// opaque tokens instead: oidc-provider's introspection endpoint refuses JWTs.
const RESOURCES = {
  'https://api.example.test': { alg: 'RS256' },
  'https://es256.example.test': { alg: 'ES256' },
  'https://eddsa.example.test': { alg: 'EdDSA' },
  'https://opaque.example.test': { opaque: true },
};
const DEFAULT_RESOURCE = 'https://api.example.test';
const RESOURCE_SCOPE = 'items:read items:write';
// Short enough to be realistic, long enough for any test run.
const ACCESS_TOKEN_TTL = 300;

const CLIENT = {
  client_id: 'svc',
  client_secret: 'svc-secret',
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  token_endpoint_auth_method: 'client_secret_basic',
  scope: 'items:read items:write openid',
};
// oidc-provider binds one authentication method to a client, so client_secret_post gets a
// client of its own.
const POST_CLIENT = {
  ...CLIENT,
  client_id: 'svc-post',
  token_endpoint_auth_method: 'client_secret_post',
};

// One private signing JWK per algorithm family, each with a fresh random kid (oidc-provider
// would otherwise derive kids from the key material: fine, but tests read better with a
// prefix saying which key is which).
const KEY_TYPES = [
  ['RS256', 'rsa', { modulusLength: 2048 }],
  ['ES256', 'ec', { namedCurve: 'P-256' }],
  ['EdDSA', 'ed25519', {}],
];
function generateSigningKeys() {
  return KEY_TYPES.map(([alg, type, options]) => {
    const { privateKey } = crypto.generateKeyPairSync(type, options);
    const kid = `${alg.toLowerCase()}-${crypto.randomBytes(6).toString('hex')}`;
    return { ...privateKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  });
}

// One token store for every provider instance: oidc-provider's built-in in-memory adapter
// gives each instance its own, and opaque tokens would not survive a rotation. It does what
// this provider needs (client credentials, introspection), not sessions, grants or user codes.
const store = new Map();
class SharedMemoryAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
    store.set(this.key(id), { payload, expiresAt });
  }

  async find(id) {
    const entry = store.get(this.key(id));
    if (entry && entry.expiresAt <= Date.now()) store.delete(this.key(id));
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }

  async consume(id) {
    const payload = await this.find(id);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    store.delete(this.key(id));
  }

  async findByUid() {
    return undefined;
  }

  async findByUserCode() {
    return undefined;
  }

  async revokeByGrantId() {}
}

function buildProvider(issuer, keys) {
  const provider = new Provider(issuer, {
    adapter: SharedMemoryAdapter,
    clients: [CLIENT, POST_CLIENT],
    jwks: { keys },
    scopes: ['openid', 'offline_access', 'items:read', 'items:write'],
    routes: { jwks: JWKS_PATH, token: TOKEN_PATH, introspection: INTROSPECTION_PATH },
    features: {
      // No browser flows here: no login pages, and no warning about dev-only interactions.
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Both clients authenticate with a secret; either may introspect any token.
      introspection: { enabled: true, allowedPolicy: () => true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => DEFAULT_RESOURCE,
        useGrantedResource: () => false,
        getResourceServerInfo(_ctx, resource) {
          const server = RESOURCES[resource];
          if (!server) throw new errors.InvalidTarget();
          const info = { scope: RESOURCE_SCOPE, audience: resource, accessTokenTTL: ACCESS_TOKEN_TTL };
          if (server.opaque) return { ...info, accessTokenFormat: 'opaque' };
          // The keystore picks the first key usable with `alg`: the newest, see rotate().
          return { ...info, accessTokenFormat: 'jwt', jwt: { sign: { alg: server.alg } } };
        },
      },
    },
    // The defaults would work too, but each prints a notice on first use. No browser calls
    // this provider, so no origin is allowed.
    ttl: { ClientCredentials: ACCESS_TOKEN_TTL },
    clientBasedCORS: () => false,
  });
  // Errors the provider turns into a 500 would otherwise be silent.
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error:', error));
  return provider;
}

const stats = { jwks_requests: 0, discovery_requests: 0 };
let jwksMaxAge = 300;
let issuer;
let keys = generateSigningKeys();
// The current provider's request handler.
let callback;

function currentKid(alg) {
  return keys.find((key) => key.alg === alg).kid;
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// oidc-provider's key store is fixed when it is built, so a rotation builds a new instance
// (same issuer, same clients) and requests go to it from then on.
function rotate(keepOld) {
  const fresh = generateSigningKeys();
  // New keys first: the keystore signs with the first key that fits the algorithm.
  keys = keepOld ? [...fresh, ...keys] : fresh;
  callback = buildProvider(issuer, keys).callback();
  const kids = Object.fromEntries(KEY_TYPES.map(([alg]) => [alg, currentKid(alg)]));
  return { kid: kids.RS256, kids };
}

function control(req, res, url) {
  if (req.method === 'POST' && url.pathname === '/__rotate') {
    return json(res, 200, rotate(url.searchParams.get('keep_old') === '1'));
  }
  if (req.method === 'GET' && url.pathname === '/__stats') {
    return json(res, 200, stats);
  }
  if (req.method === 'POST' && url.pathname === '/__cache_control') {
    const maxAge = url.searchParams.get('max_age') ?? '';
    if (!/^\d{1,9}$/.test(maxAge)) {
      return json(res, 400, { error: 'max_age must be a non-negative integer' });
    }
    jwksMaxAge = Number(maxAge);
    return json(res, 200, { max_age: jwksMaxAge });
  }
  return json(res, 404, { error: `no control route ${req.method} ${url.pathname}` });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname.startsWith('/__')) return control(req, res, url);

  if (req.method === 'GET' && url.pathname === DISCOVERY_PATH) stats.discovery_requests += 1;
  if (req.method === 'GET' && url.pathname === JWKS_PATH) {
    stats.jwks_requests += 1;
    // oidc-provider sends no Cache-Control with its JWKS; set it as the headers go out
    // (koa writes them implicitly through writeHead, after its own setHeader calls).
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithCacheControl(...args) {
      this.setHeader('cache-control', `max-age=${jwksMaxAge}`);
      return writeHead.apply(this, args);
    };
  }
  return callback(req, res);
});

function shutdown() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  callback = buildProvider(issuer, keys).callback();
  console.log(`READY ${issuer}`);
});
