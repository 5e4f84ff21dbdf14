// A reference-runtime participant for the interop tests, driven by tests/interop/*.py.
//
//   node peer.mjs service  MANIFEST            reference service of the contract; prints READY
//   node peer.mjs client   MANIFEST STEP...    reference client; one JSON line per step
//   node peer.mjs listen   MANIFEST ROOM N     ephemeral event listener; exits after N events
//   node peer.mjs token    MANIFEST IAT DIGEST the connect token the reference builds (SESSION_SEED)
//
// Env: NATS_URL, SESSION_SEED (base64url; random when unset). Results go to stdout as JSON
// lines; diagnostics to stderr.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { connect, headers as natsHeaders } from "@nats-io/transport-node";
import { err, isErr, ok } from "@qlever-llc/result";
import { ulid } from "ulid";
import { Trellis, buildProofInput, sha256, base64urlEncode } from "../trellis-js/packages/trellis/trellis.ts";
import { TrellisServiceRuntime } from "../trellis-js/packages/trellis/server.ts";
import { createAuth } from "../trellis-js/packages/trellis/auth/session_auth.ts";
import { OWNED_API as AUTH_OWNED_API } from "../trellis-js/packages/trellis/sdk/_generated/auth/owned_api.ts";
import { apiFromManifest, DeclaredRemote } from "./api_from_manifest.ts";

const [mode, manifestPath, ...args] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const api = apiFromManifest(manifest);
const seed = process.env.SESSION_SEED ?? Buffer.from(randomBytes(32)).toString("base64url");
const auth = await createAuth({ sessionKeySeed: seed });
const servers = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
if (mode === "token") {
  // the reference's own token builder, at a fixed iat (its clock is the only input we pin)
  const [iat, digest] = args;
  Date.now = () => Number(iat) * 1000;
  const options = await auth.natsConnectOptions({ contractDigest: digest });
  const built = (options.authenticator as any)() as { auth_token: string };
  console.log(JSON.stringify({
    sessionKey: auth.sessionKey,
    inboxPrefix: options.inboxPrefix,
    authToken: built.auth_token,
    sig: await auth.natsConnectSigForIat(Number(iat), digest),
  }));
  process.exit(0);
}
const nc = await connect({ servers, name: `refpeer-${mode}`, inboxPrefix: `_INBOX.${auth.sessionKey.slice(0, 16)}` });
const trellisAuth = { sessionKey: auth.sessionKey, sign: auth.sign, currentIat: auth.currentIat };
const out = (value: unknown) => console.log(JSON.stringify(value));
const errorInfo = (e: any) => ({
  errorClass: e instanceof DeclaredRemote ? `Declared:${e.name}` : e?.constructor?.name,
  error: e?.toSerializable?.() ?? String(e),
});

async function runService() {
  const runtime = TrellisServiceRuntime.create("refpeer-echo", nc, trellisAuth, {
    api: { ...api, rpc: { "Auth.Requests.Validate": AUTH_OWNED_API.rpc["Auth.Requests.Validate"], ...api.rpc } },
    contractId: manifest.id,
    contractDigest: "interop",
    timeout: 3000,
    noResponderRetry: { maxAttempts: 0 },
  } as any) as any;
  await runtime.mount("Echo.Say", async ({ input, context }: any) => {
    const text: string = input.text;
    if (text === "fail") {
      return err(new DeclaredRemote({ id: ulid(), type: "EchoRefused", message: "refused on request", reason: "asked" }));
    }
    if (text === "boom") throw new Error("reference handler exploded");
    if (text.startsWith("emit:")) {
      const [, room, said] = text.split(":");
      const published = (await runtime.publish("Echo.Said", { room, text: said })).take();
      if (isErr(published)) return published;
    }
    const caller = context.caller;
    return ok({ text, callerType: caller.type, callerId: caller.id ?? caller.userId ?? caller.deviceId });
  });
  await runtime.operationHandle("Echo.Count").handle(async ({ input, op }: any) => {
    await op.started();
    for (let at = 1; at <= input.to; at++) await op.progress({ at });
    let total = input.to;
    if (input.waitForBump) {
      const signal = (await op.nextSignal("bump")).take();
      if (isErr(signal)) return signal;
      total += signal.input.by;
    }
    return { total };
  });
  await runtime.feedHandle("Echo.Ticks").handle(async ({ input, emit }: any) => {
    for (let n = 1; n <= input.count; n++) {
      const sent = (await emit({ n })).take();
      if (isErr(sent)) return sent;
    }
    return ok(undefined);
  });
  await nc.flush();
  console.error(`[peer service] sessionKey=${auth.sessionKey}`);
  console.log(`READY ${auth.sessionKey}`);
  await new Promise<void>((resolve) => {
    process.on("SIGTERM", resolve);
    process.on("SIGINT", resolve);
  });
  await runtime.stop();
}

function client(): any {
  return new Trellis("refpeer-client", nc, trellisAuth, {
    api,
    timeout: Number(process.env.RPC_TIMEOUT_MS ?? 3000),
    noResponderRetry: { maxAttempts: 0 },
  } as any) as any;
}

// A request sent by hand: `sign` decides whose key signs, `reply` where the answer goes.
async function handRequest(subject: string, body: unknown, opts: { badProof?: boolean; foreignInbox?: boolean }) {
  const payload = new TextEncoder().encode(JSON.stringify(body));
  const iat = Math.floor(Date.now() / 1000);
  const requestId = ulid();
  const signer = opts.badProof ? await createAuth({ sessionKeySeed: Buffer.from(randomBytes(32)).toString("base64url") }) : auth;
  const digest = await sha256(buildProofInput(auth.sessionKey, subject, await sha256(payload), iat, requestId));
  const h = natsHeaders();
  h.set("session-key", auth.sessionKey);
  h.set("proof", base64urlEncode(await signer.sign(digest)));
  h.set("iat", String(iat));
  h.set("request-id", requestId);
  const conn = opts.foreignInbox ? await connect({ servers, name: "refpeer-foreign" }) : nc;
  const reply = await conn.request(subject, payload, { headers: h, timeout: 3000 });
  if (conn !== nc) await conn.close();
  return { status: reply.headers?.get("status") ?? null, body: JSON.parse(new TextDecoder().decode(reply.data)) };
}

async function step(c: any, spec: string): Promise<unknown> {
  const [name, ...rest] = spec.split(":");
  if (name === "say") {
    const text = rest.join(":");
    const value = (await c.request("Echo.Say", { text })).take();
    return isErr(value) ? { step: spec, ok: false, ...errorInfo(value.error) } : { step: spec, ok: true, output: value };
  }
  if (name === "sayraw") {
    const value = (await c.request("Echo.Say", JSON.parse(rest.join(":")))).take();
    return isErr(value) ? { step: spec, ok: false, ...errorInfo(value.error) } : { step: spec, ok: true, output: value };
  }
  if (name === "badproof" || name === "badinbox") {
    const reply = await handRequest("rpc.v1.Echo.Say", { text: "hello" }, { badProof: name === "badproof", foreignInbox: name === "badinbox" });
    return { step: spec, ...reply };
  }
  if (name === "badinput") {
    // correctly signed, but the body does not match the input schema (sent past client checks)
    return { step: spec, ...(await handRequest("rpc.v1.Echo.Say", { txt: 1 }, {})) };
  }
  if (name === "publish") {
    const [room, text] = rest;
    const value = (await c.publish("Echo.Said", { room, text })).take();
    return { step: spec, ok: !isErr(value), ...(isErr(value) ? errorInfo(value.error) : {}) };
  }
  if (name === "count") {
    const [to, bump] = rest.map(Number);
    const started = (await c.operationHandle("Echo.Count").start({ to, waitForBump: bump > 0 })).take();
    if (isErr(started)) return { step: spec, ok: false, ...errorInfo(started.error) };
    const events = (await started.watch()).take();
    if (isErr(events)) return { step: spec, ok: false, ...errorInfo(events.error) };
    const seen: unknown[] = [];
    let signalled: unknown = null;
    for await (const event of events) {
      seen.push({ type: event.type, state: event.snapshot.state, progress: event.progress ?? null, revision: event.snapshot.revision });
      if (bump > 0 && event.snapshot.progress?.at === to && signalled === null) {
        const ack = (await started.signal("bump", { by: bump })).take();
        signalled = isErr(ack) ? errorInfo(ack.error) : { signal: ack.signal, signalSequence: ack.signalSequence };
      }
    }
    const final = (await started.wait()).take();
    return { step: spec, ok: true, id: started.id, events: seen, signalled, final: isErr(final) ? errorInfo(final.error) : final };
  }
  if (name === "cancel") {
    const started = (await c.operationHandle("Echo.Count").start({ to: 0, waitForBump: true })).take();
    if (isErr(started)) return { step: spec, ok: false, ...errorInfo(started.error) };
    const cancelled = (await started.cancel()).take();
    const again = (await started.cancel()).take();
    const got = (await started.get()).take();
    return {
      step: spec,
      ok: true,
      cancelled: isErr(cancelled) ? errorInfo(cancelled.error) : cancelled,
      again: isErr(again) ? errorInfo(again.error) : again,
      get: isErr(got) ? errorInfo(got.error) : got,
    };
  }
  if (name === "bench") {
    // sequential Echo.Say round trips after a warm-up; the median and every sample, in microseconds
    const count = Number(rest[0] ?? 1000);
    for (let i = 0; i < 100; i++) (await c.request("Echo.Say", { text: "hello" })).take();
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const began = process.hrtime.bigint();
      const value = (await c.request("Echo.Say", { text: "hello" })).take();
      samples.push(Number(process.hrtime.bigint() - began) / 1000);
      if (isErr(value)) return { step: spec, ok: false, ...errorInfo(value.error) };
    }
    samples.sort((a, b) => a - b);
    return { step: spec, ok: true, p50us: samples[Math.floor(samples.length / 2)], samples };
  }
  if (name === "ticks") {
    const count = Number(rest[0]);
    const sub = (await c.feedHandle("Echo.Ticks").input({ count }).subscribe()).take();
    if (isErr(sub)) return { step: spec, ok: false, ...errorInfo(sub.error) };
    const ticks: unknown[] = [];
    for await (const tick of sub) {
      ticks.push(tick);
      if (ticks.length === count) break;
    }
    return { step: spec, ok: true, ticks };
  }
  return { step: spec, ok: false, error: `unknown step ${spec}` };
}

async function runClient() {
  const c = client();
  for (const spec of args) {
    try {
      out(await step(c, spec));
    } catch (e) {
      out({ step: spec, ok: false, thrown: String(e) });
    }
  }
}

async function runListener() {
  const [room, countArg] = args;
  let remaining = Number(countArg);
  const c = client();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("listen timeout")), Number(process.env.LISTEN_TIMEOUT_MS ?? 10000));
    void c.listenEvent("Echo.Said", room === "*" ? {} : { room }, (event: unknown, ctx: any) => {
      out({ event, subject: ctx?.subject });
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
  await done;
}

if (mode === "service") {
  await runService(); // stop() drains the connection
} else {
  if (mode === "client") await runClient();
  else if (mode === "listen") await runListener();
  else throw new Error(`unknown mode ${mode}`);
  await nc.drain();
}
process.exit(0);
