// The reference runtime's side of file transfers, for tests/interop/test_transfer_interop.py.
//
//   node transfer.mjs service MANIFEST            reference service of interop.files@v1: the
//                                                 reference's ServiceTransfer over a NATS object
//                                                 store (bucket STORE_BUCKET); prints READY
//   node transfer.mjs client  MANIFEST STEP...    reference client; one JSON line per step:
//     upload:KEY:TEXT       input({key, contentType}).transfer(bytes).start(), then wait()
//     oversize:KEY:N        the same with N bytes (more than the grant allows)
//     download:KEY          Files.Download, then transfer(grant).bytes()
//     health                Files.Health, checked against the reference's HealthResponseSchema
//     storeget:BUCKET:KEY   read an object straight from a bucket with the reference's TypedStore
//
// Env: NATS_URL, SESSION_SEED, STORE_BUCKET. Written for the interop tests; nothing here is
// generated.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect } from "@nats-io/transport-node";
import { isErr, ok } from "@qlever-llc/result";
import Value from "typebox/value";
import { Trellis } from "../trellis-js/packages/trellis/trellis.ts";
import { TrellisServiceRuntime } from "../trellis-js/packages/trellis/server.ts";
import { ServiceTransfer } from "../trellis-js/packages/trellis/server/transfer.ts";
import { TypedStore } from "../trellis-js/packages/trellis/store.ts";
import { HealthResponseSchema } from "../trellis-js/packages/trellis/server/health_schemas.ts";
import { createAuth } from "../trellis-js/packages/trellis/auth/session_auth.ts";
import { OWNED_API as AUTH_OWNED_API } from "../trellis-js/packages/trellis/sdk/_generated/auth/owned_api.ts";
import { apiFromManifest } from "./api_from_manifest.ts";

const [mode, manifestPath, ...args] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const api = apiFromManifest(manifest);
const seed = process.env.SESSION_SEED ?? Buffer.from(randomBytes(32)).toString("base64url");
const auth = await createAuth({ sessionKeySeed: seed });
const servers = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const nc = await connect({ servers, name: `refpeer-transfer-${mode}`, inboxPrefix: `_INBOX.${auth.sessionKey.slice(0, 16)}` });
const trellisAuth = { sessionKey: auth.sessionKey, sign: auth.sign, currentIat: auth.currentIat };
const out = (value: unknown) => console.log(JSON.stringify(value));
const errorInfo = (e: any) => ({ errorClass: e?.constructor?.name, error: e?.toSerializable?.() ?? String(e) });
const bucket = process.env.STORE_BUCKET ?? "refpeer_uploads";

async function runService() {
  const storeLimits = manifest.resources?.store?.uploads ?? {};
  const transfer = new ServiceTransfer({
    name: "refpeer-files",
    nc,
    auth: trellisAuth as any,
    stores: {
      uploads: {
        open: () => TypedStore.open(nc, bucket, { maxObjectBytes: storeLimits.maxObjectBytes, ttlMs: 0 }),
      },
    },
  });
  const runtime = TrellisServiceRuntime.create("refpeer-files", nc, trellisAuth, {
    api: { ...api, rpc: { "Auth.Requests.Validate": AUTH_OWNED_API.rpc["Auth.Requests.Validate"], ...api.rpc } },
    contractId: manifest.id,
    contractDigest: "interop",
    timeout: 3000,
    noResponderRetry: { maxAttempts: 0 },
    transferSupport: { openOperationTransfer: (a: any) => transfer.createOperationUpload(a) },
  } as any) as any;
  await runtime.operationHandle("Files.Upload").handle(async ({ input, op, transfer: upload }: any) => {
    const updates: unknown[] = [];
    const watching = (async () => {
      for await (const u of upload.updates()) updates.push(u);
    })();
    const stored = await upload.completed().take();
    if (isErr(stored)) return stored;
    await watching;
    console.error(`[transfer service] ${input.key}: ${updates.length} chunk updates`);
    await op.started();
    return ok({
      key: stored.key,
      size: stored.size,
      ...(stored.contentType ? { contentType: stored.contentType } : {}),
      ...(stored.digest ? { digest: stored.digest } : {}),
    });
  });
  await runtime.mount("Files.Download", async ({ input, context }: any) => {
    const grant = await transfer.initiateDownload({
      sessionKey: context.sessionKey,
      store: "uploads",
      key: input.key,
      expiresInMs: 60000,
    });
    return grant;
  });
  await nc.flush();
  console.log(`READY ${auth.sessionKey}`);
  await new Promise<void>((resolve) => {
    process.on("SIGTERM", resolve);
    process.on("SIGINT", resolve);
  });
  await transfer.stop();
  await runtime.stop();
}

function client(): any {
  return new Trellis("refpeer-client", nc, trellisAuth, {
    api,
    timeout: 3000,
    noResponderRetry: { maxAttempts: 0 },
  } as any) as any;
}

async function step(c: any, spec: string): Promise<unknown> {
  const [name, ...rest] = spec.split(":");
  if (name === "upload" || name === "oversize") {
    const key = rest[0];
    const body = name === "upload" ? new TextEncoder().encode(rest.slice(1).join(":")) : new Uint8Array(Number(rest[1])).fill(120);
    const transfers: unknown[] = [];
    const started = (await c.operationHandle("Files.Upload")
      .input({ key, contentType: "text/plain" })
      .transfer(body)
      .onTransfer((event: any) => {
        transfers.push({ transfer: event.transfer, snapshotTransfer: event.snapshot.transfer, state: event.snapshot.state });
      })
      .start()).take();
    if (isErr(started)) return { step: spec, ok: false, phase: "start", ...errorInfo(started.error) };
    const done = (await started.wait()).take();
    if (isErr(done)) return { step: spec, ok: false, phase: "wait", ...errorInfo(done.error) };
    return { step: spec, ok: true, transferred: done.transferred, terminal: done.terminal, transfers };
  }
  if (name === "download") {
    const grant = (await c.request("Files.Download", { key: rest.join(":") })).take();
    if (isErr(grant)) return { step: spec, ok: false, phase: "grant", ...errorInfo(grant.error) };
    const bytes = (await c.transfer(grant).bytes()).take();
    if (isErr(bytes)) return { step: spec, ok: false, phase: "bytes", grant, ...errorInfo(bytes.error) };
    const again = (await c.transfer(grant).bytes()).take();
    return {
      step: spec,
      ok: true,
      grant,
      text: new TextDecoder().decode(bytes),
      secondUse: isErr(again) ? errorInfo(again.error) : { unexpected: new TextDecoder().decode(again) },
    };
  }
  if (name === "health") {
    const response = (await c.request("Files.Health", {})).take();
    if (isErr(response)) return { step: spec, ok: false, ...errorInfo(response.error) };
    return { step: spec, ok: true, response, valid: Value.Check(HealthResponseSchema, response) };
  }
  if (name === "storeget") {
    const [storeBucket, ...key] = rest;
    const store = (await TypedStore.open(nc, storeBucket, { bindOnly: true })).take();
    if (isErr(store)) return { step: spec, ok: false, ...errorInfo(store.error) };
    const entry = (await store.get(key.join(":"))).take();
    if (isErr(entry)) return { step: spec, ok: false, ...errorInfo(entry.error) };
    const bytes = (await entry.bytes()).take();
    if (isErr(bytes)) return { step: spec, ok: false, ...errorInfo(bytes.error) };
    return { step: spec, ok: true, info: entry.info, text: new TextDecoder().decode(bytes) };
  }
  return { step: spec, ok: false, error: `unknown step ${spec}` };
}

if (mode === "service") {
  await runService();
} else if (mode === "client") {
  const c = client();
  for (const spec of args) {
    try {
      out(await step(c, spec));
    } catch (e) {
      out({ step: spec, ok: false, thrown: String(e), stack: (e as any)?.stack });
    }
  }
  await nc.drain();
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.exit(0);
