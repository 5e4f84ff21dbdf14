// The reference runtime's KV, store and state code, driven for the resources interop tests
// (tests/interop/test_resources_interop.py). It uses the reference's own TypedKV (kv.ts),
// TypedStore (store.ts) and client state facade (trellis.ts), on buckets named by the test:
//
//   node resources.mjs kv      MANIFEST ALIAS BUCKET STEP...   TypedKV.open(bindOnly) of BUCKET
//   node resources.mjs kvopen  MANIFEST ALIAS BUCKET           TypedKV.open provisioning BUCKET
//   node resources.mjs kvwatch MANIFEST ALIAS BUCKET KEY N     TypedKVEntry.watch of KEY, N events
//   node resources.mjs kvstale MANIFEST ALIAS BUCKET KEY JSON  read KEY, wait for a change, then
//                                                              write JSON with the stale revision
//   node resources.mjs store   MANIFEST BUCKET STEP...         TypedStore.open(bindOnly) of BUCKET
//   node resources.mjs state   MANIFEST STEP...                the reference client's state facade
//
// Env: NATS_URL, SESSION_SEED. One JSON line per step on stdout; diagnostics on stderr.
import { readFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { connect } from "@nats-io/transport-node";
import { isErr } from "@qlever-llc/result";
import { TypedKV } from "../trellis-js/packages/trellis/kv.ts";
import { TypedStore } from "../trellis-js/packages/trellis/store.ts";
import { Trellis } from "../trellis-js/packages/trellis/trellis.ts";
import { createAuth } from "../trellis-js/packages/trellis/auth/session_auth.ts";

type Json = Record<string, any>;

const [mode, manifestPath, ...args] = process.argv.slice(2);
const manifest: Json = JSON.parse(readFileSync(manifestPath, "utf8"));
const seed = process.env.SESSION_SEED ?? Buffer.from(randomBytes(32)).toString("base64url");
const auth = await createAuth({ sessionKeySeed: seed });
const nc = await connect({
  servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
  name: `refpeer-${mode}`,
  inboxPrefix: `_INBOX.${auth.sessionKey.slice(0, 16)}`,
});
const out = (value: unknown) => console.log(JSON.stringify(value));
const errorInfo = (e: any) => ({ errorClass: e?.constructor?.name, error: e?.toSerializable?.() ?? String(e) });
const unwrap = (step: string, value: any) =>
  isErr(value) ? { step, ok: false, ...errorInfo(value.error) } : { step, ok: true, value: value };
// "a:b:rest:with:colons" -> ["a", "b", "rest:with:colons"]
const split = (spec: string, parts: number, sep = ":") => {
  const all = spec.split(sep);
  return [...all.slice(0, parts - 1), all.slice(parts - 1).join(sep)];
};

function kvSchema(alias: string): Json {
  const kv = manifest.resources.kv[alias];
  return manifest.schemas[kv.schema.schema];
}

async function openKv(alias: string, bucket: string, bindOnly: boolean): Promise<any> {
  const kv = manifest.resources.kv[alias];
  const opened = (await TypedKV.open(nc as any, bucket, kvSchema(alias) as any, {
    history: kv.history,
    ttl: kv.ttlMs,
    maxValueBytes: kv.maxValueBytes,
    bindOnly,
  })).take();
  if (isErr(opened)) throw opened.error;
  return opened;
}

const entryJson = (entry: any) => ({ key: entry.key, revision: entry.revision, value: entry.value });

async function kvStep(kv: any, spec: string): Promise<unknown> {
  const [name] = spec.split(":");
  if (name === "get") {
    const [, key] = split(spec, 2);
    const got = (await kv.get(key)).take();
    return isErr(got) ? { step: spec, ok: false, ...errorInfo(got.error) } : { step: spec, ok: true, ...entryJson(got) };
  }
  if (name === "create" || name === "put") {
    const [, key, json] = split(spec, 3);
    return unwrap(spec, (await kv[name](key, JSON.parse(json))).take());
  }
  if (name === "raw") {
    const [, key, text] = split(spec, 3);
    return { step: spec, ok: true, revision: await kv.kv.put(key, text) };
  }
  if (name === "delete") {
    const [, key] = split(spec, 2);
    return unwrap(spec, (await kv.delete(key)).take());
  }
  if (name === "vccdelete") {
    const [, key] = split(spec, 2);
    const entry = (await kv.get(key)).take();
    if (isErr(entry)) return { step: spec, ok: false, ...errorInfo(entry.error) };
    return unwrap(spec, (await entry.delete(true)).take());
  }
  if (name === "keys") {
    const [, filter] = split(spec, 2);
    const keys = (await kv.keys(filter || ">")).take();
    if (isErr(keys)) return { step: spec, ok: false, ...errorInfo(keys.error) };
    const all: string[] = [];
    for await (const key of keys) all.push(key);
    return { step: spec, ok: true, keys: all.sort() };
  }
  return { step: spec, ok: false, error: `unknown step ${spec}` };
}

async function runKv() {
  const [alias, bucket, ...steps] = args;
  const kv = await openKv(alias, bucket, true);
  for (const spec of steps) {
    try {
      out(await kvStep(kv, spec));
    } catch (e) {
      out({ step: spec, ok: false, thrown: String(e) });
    }
  }
}

async function runKvOpen() {
  const [alias, bucket] = args;
  await openKv(alias, bucket, false);
  out({ ok: true, bucket });
}

async function runKvWatch() {
  const [alias, bucket, key, count] = args;
  const kv = await openKv(alias, bucket, true);
  const entry = (await kv.get(key)).take();
  if (isErr(entry)) throw entry.error;
  let remaining = Number(count);
  await new Promise<void>(async (resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("watch timeout")), 20000);
    // WATCHING once the current value arrived: the server delivers a new consumer's history
    // asynchronously, and a write before that could replace it in a bucket of history 1
    let watching = false;
    const stop = await entry.watch((event: any) => {
      if (!watching) {
        watching = true;
        console.log(`WATCHING ${entry.revision}`);
      }
      out({ type: event.type, key: event.key, revision: event.revision, value: event.value ?? null,
            error: event.error ? errorInfo(event.error).error : null });
      if (--remaining <= 0) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    }, { includeDeletes: true });
  });
}

async function runKvStale() {
  const [alias, bucket, key, json] = args;
  const kv = await openKv(alias, bucket, true);
  const entry = (await kv.get(key)).take();
  if (isErr(entry)) throw entry.error;
  let changedNow: () => void = () => {};
  const changed = new Promise<void>((resolve) => { changedNow = resolve; });
  const stop = await entry.watch(() => changedNow());
  console.log(`GOT ${entry.revision}`);
  await changed;
  stop();
  out(unwrap("stale-put", (await entry.put(JSON.parse(json), true)).take()));
}

async function streamOf(parts: Uint8Array[]): Promise<ReadableStream<Uint8Array>> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < parts.length) controller.enqueue(parts[i++]);
      else controller.close();
    },
  });
}

// deterministic bytes the Python side can recompute: byte i is (i * 7 + 3) % 251
function pattern(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 7 + 3) % 251;
  return data;
}

const infoJson = (info: any) => ({ ...info });

async function storeStep(store: any, spec: string): Promise<unknown> {
  const [name] = spec.split(/[:|]/);
  if (name === "put" || name === "create") {
    // put|KEY|CONTENT_TYPE|METADATA_JSON|TEXT
    const [, key, contentType, metadata, text] = split(spec, 5, "|");
    const opts = { ...(contentType ? { contentType } : {}), ...(metadata ? { metadata: JSON.parse(metadata) } : {}) };
    return unwrap(spec, (await store[name](key, new TextEncoder().encode(text), opts)).take());
  }
  if (name === "putpattern") {
    // putpattern:KEY:SIZE:CONTENT_TYPE, streamed in uneven chunks
    const [, key, size, contentType] = split(spec, 4);
    const data = pattern(Number(size));
    const parts = [data.slice(0, 1000), data.slice(1000, 150_000), data.slice(150_000)];
    return unwrap(spec, (await store.put(key, await streamOf(parts), contentType ? { contentType } : {})).take());
  }
  if (name === "get") {
    const [, key] = split(spec, 2);
    const entry = (await store.get(key)).take();
    if (isErr(entry)) return { step: spec, ok: false, ...errorInfo(entry.error) };
    const bytes = (await entry.bytes()).take();
    if (isErr(bytes)) return { step: spec, ok: false, ...errorInfo(bytes.error) };
    const stream = (await entry.stream()).take();
    if (isErr(stream)) return { step: spec, ok: false, ...errorInfo(stream.error) };
    let streamed = 0;
    const reader = stream.getReader();
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      streamed += next.value.length;
    }
    return {
      step: spec, ok: true, info: infoJson(entry.info), size: bytes.length, streamed,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      text: bytes.length < 1000 ? new TextDecoder().decode(bytes) : null,
    };
  }
  if (name === "list") {
    const [, prefix, limit] = split(spec, 3);
    return unwrap(spec, (await store.list({ prefix, limit: Number(limit) })).take());
  }
  if (name === "delete") {
    const [, key] = split(spec, 2);
    return unwrap(spec, (await store.delete(key)).take());
  }
  if (name === "status") return unwrap(spec, (await store.status()).take());
  return { step: spec, ok: false, error: `unknown step ${spec}` };
}

async function runStore() {
  const [bucket, ...steps] = args;
  const store = manifest.resources.store.blobs;
  const opened = (await TypedStore.open(nc as any, bucket, {
    ttlMs: store.ttlMs, maxObjectBytes: store.maxObjectBytes, maxTotalBytes: store.maxTotalBytes, bindOnly: true,
  })).take();
  if (isErr(opened)) throw opened.error;
  for (const spec of steps) {
    try {
      out(await storeStep(opened, spec));
    } catch (e) {
      out({ step: spec, ok: false, thrown: String(e) });
    }
  }
}

function stateStores(): Json {
  const stores: Json = {};
  for (const [name, s] of Object.entries<Json>(manifest.state ?? {})) {
    const accepted: Json = {};
    for (const [version, ref] of Object.entries<Json>(s.acceptedVersions ?? {})) {
      accepted[version] = manifest.schemas[ref.schema];
    }
    stores[name] = {
      kind: s.kind,
      schema: manifest.schemas[s.schema.schema],
      stateVersion: s.stateVersion,
      acceptedVersions: accepted,
    };
  }
  return stores;
}

async function stateStep(state: any, spec: string): Promise<unknown> {
  // vget|STORE  vput|STORE|OPTS_JSON|VALUE_JSON  vdel|STORE|OPTS_JSON
  // mget|STORE|PREFIX|KEY  mput|STORE|PREFIX|KEY|OPTS_JSON|VALUE_JSON  mdel|STORE|PREFIX|KEY|OPTS_JSON
  // mlist|STORE|PREFIX|OPTS_JSON
  const [name] = spec.split("|");
  if (name === "vget") {
    const [, store] = split(spec, 2, "|");
    return unwrap(spec, (await state[store].get()).take());
  }
  if (name === "vput") {
    const [, store, opts, value] = split(spec, 4, "|");
    return unwrap(spec, (await state[store].put(JSON.parse(value), JSON.parse(opts))).take());
  }
  if (name === "vdel") {
    const [, store, opts] = split(spec, 3, "|");
    return unwrap(spec, (await state[store].delete(JSON.parse(opts))).take());
  }
  const view = (store: string, prefix: string) => (prefix ? state[store].prefix(prefix) : state[store]);
  if (name === "mget") {
    const [, store, prefix, key] = split(spec, 4, "|");
    return unwrap(spec, (await view(store, prefix).get(key)).take());
  }
  if (name === "mput") {
    const [, store, prefix, key, opts, value] = split(spec, 6, "|");
    return unwrap(spec, (await view(store, prefix).put(key, JSON.parse(value), JSON.parse(opts))).take());
  }
  if (name === "mdel") {
    const [, store, prefix, key, opts] = split(spec, 5, "|");
    return unwrap(spec, (await view(store, prefix).delete(key, JSON.parse(opts))).take());
  }
  if (name === "mlist") {
    const [, store, prefix, opts] = split(spec, 4, "|");
    return unwrap(spec, (await view(store, prefix).list(JSON.parse(opts || "{}"))).take());
  }
  return { step: spec, ok: false, error: `unknown step ${spec}` };
}

async function runState() {
  const trellis = new Trellis("refpeer-state", nc as any, {
    sessionKey: auth.sessionKey, sign: auth.sign, currentIat: auth.currentIat,
  } as any, {
    api: { rpc: {}, operations: {}, events: {}, feeds: {}, subjects: {} },
    state: stateStores(),
    timeout: 3000,
    noResponderRetry: { maxAttempts: 0 },
  } as any) as any;
  for (const spec of args) {
    try {
      out(await stateStep(trellis.state, spec));
    } catch (e) {
      out({ step: spec, ok: false, thrown: String(e) });
    }
  }
}

const modes: Record<string, () => Promise<void>> = {
  kv: runKv, kvopen: runKvOpen, kvwatch: runKvWatch, kvstale: runKvStale, store: runStore, state: runState,
};
if (!(mode in modes)) throw new Error(`unknown mode ${mode}`);
await modes[mode]();
await nc.drain();
process.exit(0);
