#!/usr/bin/env node
/**
 * A second synthetic plan shape for the whole-process benchmark: many small
 * resources and many findings, where bench/generate.js writes an ML platform
 * of large resources (~4.5 KB each) of which ~5% break a rule.
 *
 *   node bench/generate-dense.js --resources 15000 --seed 42 --out bench/out/plan-dense-15k.json
 *
 * Every resource is a `count` instance in the root module (no module tree),
 * ~1 KB across resource_changes, planned_values and configuration, of types
 * with short attribute lists (queues, topics, log groups, registries,
 * volumes, firewall rules, buckets), and about half of them break one or
 * more bundled rules (no customer key, unencrypted, open to the world), so
 * the scan's cost is in judging and reporting rather than in parsing. A
 * tenth are no-op changes of existing resources with a `before` and a
 * prior_state entry; the rest are creates, with ids and ARNs unknown.
 *
 * Reproducible (the same --seed and --resources give the same bytes) and
 * streamed, so large plans are written with little memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";

const AWS = "registry.terraform.io/hashicorp/aws";
const GOOGLE = "registry.terraform.io/hashicorp/google";
/** Instances per `count` resource block. */
const PER_BLOCK = 50;

/** mulberry32 over a per-resource seed, so each section regenerates the same values. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each kind: its type, provider, and its values given "bad" (breaks a rule) and the instance. */
const KINDS = [
  {
    type: "aws_sqs_queue",
    provider: AWS,
    values: (bad, i) => ({
      name: `jobs-${i}`,
      kms_master_key_id: bad ? null : "alias/jobs",
      sqs_managed_sse_enabled: !bad,
      visibility_timeout_seconds: 30,
      tags: { team: "ml" },
    }),
  },
  {
    type: "aws_sns_topic",
    provider: AWS,
    values: (bad, i) => ({ name: `events-${i}`, kms_master_key_id: bad ? null : "alias/events", tags: { team: "ml" } }),
  },
  {
    type: "aws_cloudwatch_log_group",
    provider: AWS,
    values: (bad, i) => ({
      name: `/ml/train-${i}`,
      kms_key_id: bad ? null : "arn:aws:kms:us-east-1:111122223333:key/logs",
      retention_in_days: 30,
    }),
  },
  {
    type: "aws_ecr_repository",
    provider: AWS,
    values: (bad, i) => ({
      name: `model-${i}`,
      image_tag_mutability: bad ? "MUTABLE" : "IMMUTABLE",
      image_scanning_configuration: [{ scan_on_push: !bad }],
      encryption_configuration: bad
        ? []
        : [{ encryption_type: "KMS", kms_key: "arn:aws:kms:us-east-1:111122223333:key/ecr" }],
    }),
  },
  {
    type: "aws_ebs_volume",
    provider: AWS,
    values: (bad, i) => ({
      availability_zone: "us-east-1a",
      size: 100 + (i % 400),
      type: "gp3",
      encrypted: !bad,
      kms_key_id: bad ? null : "arn:aws:kms:us-east-1:111122223333:key/ebs",
    }),
  },
  {
    type: "aws_security_group_rule",
    provider: AWS,
    values: (bad, i) => ({
      type: "ingress",
      from_port: bad ? 22 : 443,
      to_port: bad ? 22 : 443,
      protocol: "tcp",
      cidr_blocks: [bad ? "0.0.0.0/0" : `10.${i % 250}.0.0/16`],
      security_group_id: "sg-0123456789abcdef0",
    }),
  },
  {
    type: "google_storage_bucket",
    provider: GOOGLE,
    values: (bad, i) => ({
      name: `ml-data-${i}`,
      location: "US",
      uniform_bucket_level_access: !bad,
      public_access_prevention: bad ? "inherited" : "enforced",
      force_destroy: false,
    }),
  },
];
const UNKNOWN = {
  aws_sqs_queue: ["arn", "id", "url"],
  aws_sns_topic: ["arn", "id"],
  aws_cloudwatch_log_group: ["arn", "id"],
  aws_ecr_repository: ["arn", "id", "registry_id", "repository_url"],
  aws_ebs_volume: ["arn", "id"],
  aws_security_group_rule: ["id"],
  google_storage_bucket: ["id", "self_link", "url"],
};

function resourceAt(n, seed) {
  const block = Math.floor(n / PER_BLOCK);
  const kind = KINDS[block % KINDS.length];
  const index = n % PER_BLOCK;
  const r = rng((seed * 1_000_003) ^ n);
  const bad = r() < 0.5;
  const existing = r() < 0.1;
  const name = `b${Math.floor(block / KINDS.length)}`;
  const values = kind.values(bad, n);
  if (existing)
    for (const k of UNKNOWN[kind.type]) values[k] = k === "id" ? `${kind.type}-${n}` : `arn:example:${kind.type}:${n}`;
  return {
    address: `${kind.type}.${name}[${index}]`,
    type: kind.type,
    name,
    index,
    provider: kind.provider,
    values,
    existing,
  };
}

function parseArgs(argv) {
  const args = { resources: 15000, seed: 42, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[++i];
    if (argv[i - 1] === "--resources") args.resources = Number(v);
    else if (argv[i - 1] === "--seed") args.seed = Number(v);
    else if (argv[i - 1] === "--out") args.out = v;
    else throw new Error(`unknown option ${argv[i - 1]}`);
  }
  if (!Number.isInteger(args.resources) || args.resources < 0 || !Number.isInteger(args.seed) || !args.out) {
    throw new Error("usage: node bench/generate-dense.js --resources N --seed S --out FILE");
  }
  return args;
}

/** Writes through a 1 MB buffer. */
function writer(file) {
  const fd = openSync(file, "w");
  let parts = [];
  let size = 0;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(""));
    parts = [];
    size = 0;
  };
  return {
    write(s) {
      parts.push(s);
      size += s.length;
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** A section listing every resource, comma-separated. */
function each(w, count, seed, keep, render) {
  let first = true;
  for (let n = 0; n < count; n++) {
    const r = resourceAt(n, seed);
    if (!keep(r)) continue;
    w.write((first ? "" : ",") + render(r));
    first = false;
  }
}

function main() {
  const { resources, seed, out } = parseArgs(process.argv.slice(2));
  const w = writer(out);
  const identity = (r) =>
    `"address":${JSON.stringify(r.address)},"mode":"managed","type":"${r.type}","name":"${r.name}","index":${r.index},"provider_name":"${r.provider}"`;
  const unknownOf = (r) => (r.existing ? {} : Object.fromEntries(UNKNOWN[r.type].map((k) => [k, true])));
  w.write(`{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"resources":[`);
  each(
    w,
    resources,
    seed,
    () => true,
    (r) => `{${identity(r)},"schema_version":0,"values":${JSON.stringify(r.values)},"sensitive_values":{}}`,
  );
  w.write(`]}},"resource_changes":[`);
  each(
    w,
    resources,
    seed,
    () => true,
    (r) => {
      const actions = r.existing ? ["no-op"] : ["create"];
      const before = r.existing ? JSON.stringify(r.values) : "null";
      return `{${identity(r)},"change":{"actions":${JSON.stringify(actions)},"before":${before},"after":${JSON.stringify(r.values)},"after_unknown":${JSON.stringify(unknownOf(r))},"before_sensitive":${r.existing ? "{}" : "false"},"after_sensitive":{}}}`;
    },
  );
  w.write(`],"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[`);
  each(
    w,
    resources,
    seed,
    (r) => r.existing,
    (r) => `{${identity(r)},"schema_version":0,"values":${JSON.stringify(r.values)},"sensitive_values":{}}`,
  );
  w.write(
    `]}}},"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"${AWS}"},"google":{"name":"google","full_name":"${GOOGLE}"}},"root_module":{"resources":[`,
  );
  const blocks = Math.ceil(resources / PER_BLOCK);
  for (let b = 0; b < blocks; b++) {
    const first = resourceAt(b * PER_BLOCK, seed);
    const count = Math.min(PER_BLOCK, resources - b * PER_BLOCK);
    const provider = first.provider === AWS ? "aws" : "google";
    w.write(
      `${b ? "," : ""}{"address":"${first.type}.${first.name}","mode":"managed","type":"${first.type}","name":"${first.name}","provider_config_key":"${provider}","expressions":{},"schema_version":0,"count_expression":{"constant_value":${count}}}`,
    );
  }
  w.write(`]}},"timestamp":"2026-12-07T00:00:00Z","applyable":true,"complete":true,"errored":false}\n`);
  w.close();
}

main();
