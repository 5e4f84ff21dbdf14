// The reference runtime's side of health, for tests/interop/test_health_interop.py.
//
//   node health.mjs listen    HEALTH_MANIFEST N   reference subscriber of Health.Heartbeat; one
//                                                 JSON line per event, checked against the
//                                                 reference's HealthHeartbeatSchema; exits after N
//   node health.mjs reference HEALTH_MANIFEST     heartbeat and health response the reference's own
//                                                 ServiceHealth builds (one passing, one failing
//                                                 check, a version and info), for comparison
//   node health.mjs check-response MANIFEST JSON  is JSON a valid reference HealthResponse?
//
// Env: NATS_URL, SESSION_SEED. Written for the interop tests; nothing here is generated.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect } from "@nats-io/transport-node";
import { isErr } from "@qlever-llc/result";
import Value from "typebox/value";
import { Trellis } from "../trellis-js/packages/trellis/trellis.ts";
import { createAuth } from "../trellis-js/packages/trellis/auth/session_auth.ts";
import { ServiceHealth } from "../trellis-js/packages/trellis/server/health.ts";
import {
  HealthHeartbeatSchema,
  HealthResponseSchema,
} from "../trellis-js/packages/trellis/server/health_schemas.ts";
import { apiFromManifest } from "./api_from_manifest.ts";

const [mode, manifestPath, ...args] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const out = (value: unknown) => console.log(JSON.stringify(value));

if (mode === "reference") {
  const health = new ServiceHealth({
    serviceName: "ref-files",
    contractId: "interop.files@v1",
    contractDigest: "digest",
    publishIntervalMs: 1500,
  });
  health.setInfo({ version: "1.2.3", info: { region: "eu" } });
  health.add("db", () => ({ status: "ok", summary: "pool ready", info: { engine: "pg" } }));
  health.add("cache", () => {
    throw new Error("cache down");
  });
  out({ heartbeat: await health.heartbeat(), response: await health.response() });
  process.exit(0);
}

// checks a health RPC answer (given as an argument) against the reference's schema
if (mode === "check-response") {
  const response = JSON.parse(args[0]);
  out({ valid: Value.Check(HealthResponseSchema, response) });
  process.exit(0);
}

const seed = process.env.SESSION_SEED ?? Buffer.from(randomBytes(32)).toString("base64url");
const auth = await createAuth({ sessionKeySeed: seed });
const servers = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const nc = await connect({ servers, name: "refpeer-health", inboxPrefix: `_INBOX.${auth.sessionKey.slice(0, 16)}` });
const trellisAuth = { sessionKey: auth.sessionKey, sign: auth.sign, currentIat: auth.currentIat };

if (mode === "listen") {
  let remaining = Number(args[0]);
  const c = new Trellis("refpeer-health", nc, trellisAuth, { api: apiFromManifest(manifest), timeout: 3000 } as any) as any;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("listen timeout")), Number(process.env.LISTEN_TIMEOUT_MS ?? 15000));
    void c.listenEvent("Health.Heartbeat", {}, (event: unknown, ctx: any) => {
      const valid = Value.Check(HealthHeartbeatSchema, event);
      const errors = valid ? [] : [...Value.Errors(HealthHeartbeatSchema, event)].map((e: any) => `${e.instancePath ?? e.path}: ${e.message}`);
      out({ event, subject: ctx?.subject, valid, errors });
      if (--remaining <= 0) {
        clearTimeout(timer);
        resolve();
      }
    }, { mode: "ephemeral" }).then((r: any) => {
      const v = r.take();
      if (isErr(v)) reject(v.error);
      else console.log("LISTENING");
    });
  });
  await nc.drain();
  process.exit(0);
}

throw new Error(`unknown mode ${mode}`);
