// The reference runtime's service-local jobs (`service.jobs.<queue>`), driven without the platform
// service: TrellisService is connected through the reference's own test seam
// (connectTrellisServiceWithRuntimeDeps) with `fetch` answering the HTTP bootstrap with the
// bindings the test hands over, and a plain NATS connection. Everything after bootstrap — the
// JobManager publishing lifecycle events, the worker host on JOBS_WORK, the lifecycle tracker
// behind JobRef.wait/get/cancel — is the reference's unmodified code.
//
//   node jobs.mjs serve MANIFEST BINDINGS NAME [STEP...]
//
// Works `tsProcess` (progress + log, then the harness's result; "ts-active-cancel" waits for
// cancellation). Prints READY, then runs each STEP and prints one JSON line per step:
//   create:QUEUE:DOC          create a job, wait for its end, print the terminal snapshot
//   cancel:QUEUE:DOC          create a job, wait until it is active, cancel it, print both
// Env: NATS_URL, SESSION_SEED.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { connect } from "@nats-io/transport-node";
import { Result } from "@qlever-llc/result";
import { connectTrellisServiceWithRuntimeDeps } from "../trellis-js/packages/trellis/server/service.ts";
import { CONTRACT_JOBS_METADATA } from "../trellis-js/packages/trellis/contract_support/mod.ts";
import { apiFromManifest } from "./api_from_manifest.ts";

const [mode, manifestPath, bindingsPath, name, ...steps] = process.argv.slice(2);
if (mode !== "serve") throw new Error(`unknown mode ${mode}`);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const resources = JSON.parse(readFileSync(bindingsPath, "utf8"));
const seed = process.env.SESSION_SEED ?? Buffer.from(randomBytes(32)).toString("base64url");
const servers = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const out = (value: unknown) => console.log(JSON.stringify(value));

const jobsMetadata: Record<string, { payload: unknown; result: unknown }> = {};
for (const queue of Object.keys(manifest.jobs ?? {})) jobsMetadata[queue] = { payload: {}, result: {} };
const contract = {
  CONTRACT_ID: manifest.id,
  CONTRACT_DIGEST: "interop",
  CONTRACT: manifest,
  API: { owned: apiFromManifest(manifest) },
  [CONTRACT_JOBS_METADATA]: jobsMetadata,
};

globalThis.fetch = (async () =>
  new Response(JSON.stringify({
    status: "ready",
    serverNow: Math.floor(Date.now() / 1000),
    connectInfo: {
      sessionKey: "stub",
      contractId: manifest.id,
      contractDigest: "interop",
      transports: { native: { natsServers: [servers] } },
      transport: { sentinel: { jwt: "jwt", seed: "seed" } },
      auth: { mode: "service_identity", iatSkewSeconds: 30 },
    },
    binding: { contractId: manifest.id, digest: "interop", resources },
  }), { status: 200, headers: { "Content-Type": "application/json" } })) as typeof fetch;

const service: any = await connectTrellisServiceWithRuntimeDeps({
  trellisUrl: "http://bootstrap.stub",
  contract: contract as any,
  name,
  sessionKeySeed: seed,
  server: { log: false },
} as any, {
  connect: (opts: any) => connect({ servers, inboxPrefix: opts.inboxPrefix, name: "refpeer-jobs" }),
}).orThrow();

service.jobs.tsProcess.handle(async ({ job }: any) => {
  const echoed = {
    requestId: job.context.requestId,
    traceId: job.context.traceId,
    traceparent: job.context.traceparent,
  };
  if (job.payload.documentId === "ts-active-cancel") {
    await job.progress({ step: "process", current: 0, total: 1, message: "ts cancel waiting" }).orThrow();
    while (!job.cancelled) await new Promise((resolve) => setTimeout(resolve, 25));
    out({ handler: "cancelled", id: job.ref.id });
    return Result.ok({ documentId: job.payload.documentId, processedBy: "ts-cancelled", ...echoed });
  }
  await job.progress({ step: "process", current: 1, total: 1, message: "ts processing" }).orThrow();
  await job.log({ timestamp: new Date().toISOString(), level: "info", message: "ts processed" }).orThrow();
  return Result.ok({ documentId: job.payload.documentId, processedBy: "ts", ...echoed });
});

void service.wait().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
await new Promise((resolve) => setTimeout(resolve, 300)); // wait() starts the worker host
console.log("READY");

async function untilState(ref: any, state: string) {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const snapshot = await ref.get().orThrow();
    if (snapshot.state === state) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${ref.id} never reached ${state}`);
}

for (const spec of steps) {
  const [step, queue, documentId] = spec.split(":");
  const ref = await service.jobs[queue].create({ documentId }).orThrow();
  if (step === "create") {
    out({ step: spec, id: ref.id, terminal: await ref.wait().orThrow() });
  } else if (step === "cancel") {
    const active = await untilState(ref, "active");
    out({ step: spec, id: ref.id, active, cancelled: await ref.cancel().orThrow() });
  } else {
    out({ step: spec, error: `unknown step ${spec}` });
  }
}
out({ steps: "done" });
await new Promise<void>((resolve) => {
  process.on("SIGTERM", resolve);
  process.on("SIGINT", resolve);
});
await service.stop();
process.exit(0);
