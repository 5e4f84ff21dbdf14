// Builds the reference runtime's `api` object from a canonical trellis.contract.v1 manifest
// emitted by trellis-generate, so the reference client and service speak exactly the contract
// our Python SDK was generated from. Written for the interop tests; nothing here is generated.
import { schema } from "../trellis-js/packages/trellis/contracts.ts";
import { TrellisError } from "../trellis-js/packages/trellis/errors/TrellisError.ts";

type Json = Record<string, any>;

const BASE_ERROR = {
  type: "object",
  properties: {
    id: { type: "string" },
    type: { type: "string" },
    message: { type: "string" },
    context: { type: "object" },
    traceId: { type: "string" },
  },
  required: ["id", "type", "message"],
};

/** A declared error of the contract, as the reference's generated error classes are. */
export class DeclaredRemote extends TrellisError<any> {
  override readonly name: string;
  readonly data: Json;
  constructor(data: Json) {
    super(data.message, { id: data.id, ...(data.context ? { context: data.context } : {}) });
    this.name = data.type;
    this.data = data;
  }
  override toSerializable(): any {
    return this.data;
  }
}

export function apiFromManifest(manifest: Json): any {
  const schemas: Json = manifest.schemas ?? {};
  const ref = (r: Json | undefined) => (r ? schema(schemas[r.schema]) : undefined);
  const errorSchemas: Json = {};
  for (const decl of Object.values<Json>(manifest.errors ?? {})) {
    errorSchemas[decl.type] = decl.schema ? schemas[decl.schema.schema] : undefined;
  }
  const rpc: Json = {};
  for (const [key, r] of Object.entries<Json>(manifest.rpc ?? {})) {
    const types = (r.errors ?? []).map((e: Json) => e.type);
    rpc[key] = {
      subject: r.subject,
      input: ref(r.input),
      output: ref(r.output),
      callerCapabilities: r.capabilities?.call ?? [],
      ...(r.transfer ? { transfer: r.transfer } : {}),
      errors: types,
      declaredErrorTypes: types,
      runtimeErrors: types
        .filter((t: string) => t in errorSchemas)
        .map((t: string) => ({
          type: t,
          schema: schema(
            errorSchemas[t] ? { allOf: [BASE_ERROR, errorSchemas[t]] } : BASE_ERROR,
          ),
          fromSerializable: (data: Json) => new DeclaredRemote(data),
        })),
    };
  }
  const operations: Json = {};
  for (const [key, o] of Object.entries<Json>(manifest.operations ?? {})) {
    const signals: Json = {};
    for (const [name, s] of Object.entries<Json>(o.signals ?? {})) {
      signals[name] = { input: ref(s.input) };
    }
    operations[key] = {
      subject: o.subject,
      input: ref(o.input),
      progress: ref(o.progress),
      output: ref(o.output),
      signals,
      callerCapabilities: o.capabilities?.call ?? [],
      observeCapabilities: o.capabilities?.observe ?? o.capabilities?.call ?? [],
      cancelCapabilities: o.capabilities?.cancel ?? [],
      controlCapabilities: o.capabilities?.control ?? [],
      cancel: o.cancel,
      ...(o.transfer ? { transfer: o.transfer } : {}),
    };
  }
  const events: Json = {};
  for (const [key, e] of Object.entries<Json>(manifest.events ?? {})) {
    events[key] = {
      subject: e.subject,
      params: e.params ?? [],
      event: ref(e.event),
      publishCapabilities: e.capabilities?.publish ?? [],
      subscribeCapabilities: e.capabilities?.subscribe ?? [],
    };
  }
  const feeds: Json = {};
  for (const [key, f] of Object.entries<Json>(manifest.feeds ?? {})) {
    feeds[key] = {
      subject: f.subject,
      input: ref(f.input),
      event: ref(f.event),
      subscribeCapabilities: f.capabilities?.subscribe ?? [],
    };
  }
  return { rpc, operations, events, feeds, subjects: {} };
}
