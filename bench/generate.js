#!/usr/bin/env node
/**
 * Synthetic Terraform plans for benchmarks, in the exact shape of
 * `terraform show -json` for a saved plan (format_version "1.2").
 *
 *   node bench/generate.js --resources 15000 --seed 42 --out bench/out/plan-15k.json
 *
 * The plan is an ML platform: root-level shared infrastructure, one module
 * call per team (`module.team_vision`), and in each team a `for_each` module of
 * GPU pools (`module.team_vision.module.pool["aws-a100"]`), with `count` and
 * `for_each` instances of the resource types planguard's rules judge. Most
 * resources are compliant; a few per cent are not (see BAD_RATE). Teams are
 * either new (everything created, KMS ARNs and ids unknown until apply) or
 * existing (no-ops, updates with a `before`, a few creates, deletes and
 * replacements). Every section is written: variables, planned_values,
 * resource_changes, output_changes, prior_state and configuration (with
 * module_calls, count/for_each expressions and references).
 *
 * Reproducible: the same --seed and --resources give the same bytes. The
 * output is streamed: only the layout (one small descriptor per resource) is
 * held in memory, and each resource's values are regenerated from its own
 * seed for each section that shows it, so 150k-resource (~600 MB) and larger
 * plans can be written with little memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";

const AWS = "registry.terraform.io/hashicorp/aws";
const GOOGLE = "registry.terraform.io/hashicorp/google";
const TERRAFORM_VERSION = "1.9.8";
/** Share of resources that break a rule (per resource, or per team for team-wide settings). */
export const BAD_RATE = 0.05;

// ---------------------------------------------------------------------------
// Seeded randomness

/** A 32-bit mix (murmur3's finalizer) to derive independent seeds. */
function mix(a, b) {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ (b | 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
function makeRng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  next.hex = (n) => {
    let out = "";
    for (let i = 0; i < n; i++) out += "0123456789abcdef"[Math.floor(next() * 16)];
    return out;
  };
  next.some = (list, lo, hi) => {
    const copy = list.slice();
    const n = Math.min(copy.length, next.int(lo, hi));
    const out = [];
    for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return next;
}

// ---------------------------------------------------------------------------
// Vocabulary

const TEAM_WORDS = [
  "vision",
  "nlp",
  "speech",
  "recsys",
  "ranking",
  "ads",
  "search",
  "robotics",
  "forecast",
  "fraud",
  "genai",
  "llm",
  "embeddings",
  "safety",
  "platform",
  "mlops",
  "audio",
  "video",
  "maps",
  "health",
  "finance",
  "pricing",
  "growth",
  "infra",
  "research",
  "labeling",
  "retrieval",
  "agents",
  "eval",
  "data",
];
const ENVIRONMENTS = ["prod", "prod", "staging", "dev"];
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];
const GCP_ZONES = ["us-central1-a", "us-central1-b", "europe-west4-a", "us-east4-c"];
const DATASETS = [
  "raw",
  "curated",
  "features",
  "labels",
  "checkpoints",
  "artifacts",
  "eval",
  "embeddings",
  "shards",
  "exports",
];
const POOLS = [
  { key: "aws-a100", cloud: "aws", shape: "p4d.24xlarge" },
  { key: "aws-h100", cloud: "aws", shape: "p5.48xlarge" },
  { key: "aws-a10g", cloud: "aws", shape: "g5.xlarge" },
  { key: "aws-a10g-4x", cloud: "aws", shape: "g5.12xlarge" },
  { key: "aws-l4", cloud: "aws", shape: "g6.xlarge" },
  { key: "aws-cpu", cloud: "aws", shape: "m6i.4xlarge" },
  { key: "gcp-a100", cloud: "gcp", shape: "a2-highgpu-1g" },
  { key: "gcp-l4", cloud: "gcp", shape: "g2-standard-8" },
  { key: "gcp-t4", cloud: "gcp", shape: "n1-standard-8", accelerator: "nvidia-tesla-t4" },
];
const S3_READ = [
  "s3:GetObject",
  "s3:GetObjectVersion",
  "s3:GetObjectTagging",
  "s3:ListBucket",
  "s3:ListBucketVersions",
  "s3:GetBucketLocation",
];
const S3_WRITE = [
  "s3:PutObject",
  "s3:PutObjectTagging",
  "s3:AbortMultipartUpload",
  "s3:ListMultipartUploadParts",
  "s3:DeleteObject",
];
const SAGEMAKER = [
  "sagemaker:CreateTrainingJob",
  "sagemaker:DescribeTrainingJob",
  "sagemaker:StopTrainingJob",
  "sagemaker:CreateProcessingJob",
  "sagemaker:DescribeProcessingJob",
  "sagemaker:CreateModel",
  "sagemaker:CreateEndpointConfig",
  "sagemaker:CreateEndpoint",
  "sagemaker:UpdateEndpoint",
  "sagemaker:AddTags",
  "sagemaker:ListTags",
];
const LOGS = [
  "logs:CreateLogGroup",
  "logs:CreateLogStream",
  "logs:PutLogEvents",
  "logs:DescribeLogStreams",
  "logs:GetLogEvents",
];
const ECR = [
  "ecr:GetAuthorizationToken",
  "ecr:BatchCheckLayerAvailability",
  "ecr:GetDownloadUrlForLayer",
  "ecr:BatchGetImage",
];
const GCP_ROLES = [
  "roles/storage.objectViewer",
  "roles/storage.objectAdmin",
  "roles/aiplatform.user",
  "roles/logging.logWriter",
  "roles/monitoring.metricWriter",
  "roles/artifactregistry.reader",
  "roles/bigquery.dataViewer",
  "roles/container.developer",
];

// ---------------------------------------------------------------------------
// Value helpers

const accountOf = (rng) => String(100000000000 + Math.floor(rng() * 800000000000));

function tagsFor(ctx, name, extra = {}) {
  const tags = {
    Name: name,
    "cost-center": ctx.costCenter,
    environment: ctx.env,
    "managed-by": "terraform",
    project: `ml-${ctx.team}`,
    team: ctx.team,
    ...extra,
  };
  if (ctx.dropCostCenter) delete tags["cost-center"];
  return sortKeys(tags);
}

function gcpLabels(ctx, extra = {}) {
  const labels = {
    "cost-center": ctx.costCenter,
    environment: ctx.env,
    "managed-by": "terraform",
    team: ctx.team,
    ...extra,
  };
  if (ctx.dropCostCenter) delete labels["cost-center"];
  return sortKeys(labels);
}

function sortKeys(o) {
  const out = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/** An IAM policy document as Terraform's jsonencode writes it (sorted keys, no spaces). */
function policyJson(rng, ctx, flavour) {
  const acct = ctx.account;
  const bucket = `ml-${ctx.team}-${ctx.env}`;
  const statements = [
    {
      Action: S3_READ,
      Effect: "Allow",
      Resource: [
        `arn:aws:s3:::${bucket}-raw`,
        `arn:aws:s3:::${bucket}-raw/*`,
        `arn:aws:s3:::${bucket}-curated`,
        `arn:aws:s3:::${bucket}-curated/*`,
      ],
      Sid: "ReadDatasets",
    },
    {
      Action: S3_WRITE,
      Effect: "Allow",
      Resource: [`arn:aws:s3:::${bucket}-checkpoints/*`, `arn:aws:s3:::${bucket}-artifacts/*`],
      Sid: "WriteArtifacts",
    },
    {
      Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
      Effect: "Allow",
      Resource: [`arn:aws:kms:${ctx.region}:${acct}:key/${ctx.kmsId}`],
      Sid: "UseTeamKey",
    },
    {
      Action: SAGEMAKER,
      Effect: "Allow",
      Resource: [
        `arn:aws:sagemaker:${ctx.region}:${acct}:training-job/${ctx.team}-*`,
        `arn:aws:sagemaker:${ctx.region}:${acct}:processing-job/${ctx.team}-*`,
        `arn:aws:sagemaker:${ctx.region}:${acct}:endpoint/${ctx.team}-*`,
      ],
      Sid: "RunJobs",
    },
    {
      Action: LOGS,
      Effect: "Allow",
      Resource: [`arn:aws:logs:${ctx.region}:${acct}:log-group:/aws/sagemaker/*`],
      Sid: "WriteLogs",
    },
    { Action: ECR, Effect: "Allow", Resource: "*", Sid: "PullImages" },
    {
      Action: "iam:PassRole",
      Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      Effect: "Allow",
      Resource: `arn:aws:iam::${acct}:role/${ctx.team}-sagemaker-execution`,
      Sid: "PassExecutionRole",
    },
  ];
  const chosen = rng.some(statements, 2, 4).sort((a, b) => (a.Sid < b.Sid ? -1 : 1));
  if (flavour === "admin") chosen.push({ Action: "*", Effect: "Allow", Resource: "*", Sid: "Break glass" });
  if (flavour === "passrole")
    chosen.push({ Action: ["iam:GetRole", "iam:PassRole"], Effect: "Allow", Resource: "*", Sid: "PassAnyRole" });
  return JSON.stringify({ Statement: chosen, Version: "2012-10-17" });
}

function kmsPolicyJson(ctx) {
  return JSON.stringify({
    Statement: [
      {
        Action: "kms:*",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ctx.account}:root` },
        Resource: "*",
        Sid: "EnableRootAccount",
      },
      {
        Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
        Effect: "Allow",
        Principal: {
          AWS: [
            `arn:aws:iam::${ctx.account}:role/${ctx.team}-sagemaker-execution`,
            `arn:aws:iam::${ctx.account}:role/${ctx.team}-training-nodes`,
          ],
        },
        Resource: "*",
        Sid: "AllowTeamRoles",
      },
      {
        Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ctx.account}:role/${ctx.team}-training-nodes` },
        Resource: "*",
        Sid: "AllowGrantsForAwsResources",
      },
    ],
    Version: "2012-10-17",
  });
}

const kmsArn = (ctx) => `arn:aws:kms:${ctx.region}:${ctx.account}:key/${ctx.kmsId}`;
const keyText = (key) => (key === undefined ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`);
const uuid = (rng) => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
const c = (value) => ({ constant_value: value });
const ref = (...references) => ({ references });

function ingressBlock(cidrs, from, to, description) {
  return {
    cidr_blocks: cidrs,
    description,
    from_port: from,
    ipv6_cidr_blocks: [],
    prefix_list_ids: [],
    protocol: "tcp",
    security_groups: [],
    self: false,
    to_port: to,
  };
}

// ---------------------------------------------------------------------------
// Resource blocks. Each `values` returns:
//   after     every attribute's value once applied (known and computed)
//   computed  top-level attributes known only after apply when created
//   linked    attributes that refer to a key or resource created with the team
//   sensitive top-level attributes marked sensitive
//   mutate    an update: change `before` (a copy of after) so the diff is real
// `expressions` is the block's configuration.

const BLOCKS = {
  kms: {
    type: "aws_kms_key",
    name: "team",
    provider: AWS,
    values(ctx, rng, name) {
      return {
        after: {
          arn: kmsArn(ctx),
          bypass_policy_lockout_safety_check: false,
          custom_key_store_id: null,
          customer_master_key_spec: "SYMMETRIC_DEFAULT",
          deletion_window_in_days: 30,
          description: `Encryption key for team ${ctx.team} (${ctx.env}) datasets, checkpoints and volumes`,
          enable_key_rotation: !rng.chance(BAD_RATE),
          id: ctx.kmsId,
          is_enabled: true,
          key_id: ctx.kmsId,
          key_usage: "ENCRYPT_DECRYPT",
          multi_region: false,
          policy: kmsPolicyJson(ctx),
          rotation_period_in_days: 365,
          tags: tagsFor(ctx, name),
          tags_all: tagsFor(ctx, name),
          timeouts: null,
          xks_key_id: null,
        },
        computed: ["arn", "id", "key_id", "rotation_period_in_days"],
        mutate: (b) => (b.description = `Key for team ${ctx.team}`),
      };
    },
    expressions: () => ({
      deletion_window_in_days: c(30),
      description: ref("var.team", "var.environment"),
      enable_key_rotation: c(true),
      policy: ref("data.aws_iam_policy_document.kms.json", "data.aws_iam_policy_document.kms"),
      tags: ref("local.tags"),
    }),
  },

  datasets: {
    type: "aws_s3_bucket",
    name: "datasets",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const bucket = `ml-${ctx.team}-${ctx.env}-${key}`;
      return {
        after: {
          acceleration_status: "",
          acl: null,
          arn: `arn:aws:s3:::${bucket}`,
          bucket,
          bucket_domain_name: `${bucket}.s3.amazonaws.com`,
          bucket_prefix: "",
          bucket_regional_domain_name: `${bucket}.s3.${ctx.region}.amazonaws.com`,
          cors_rule: [],
          force_destroy: false,
          hosted_zone_id: "Z3AQBSTGFYJSTF",
          id: bucket,
          lifecycle_rule: [],
          logging: [],
          object_lock_configuration: [],
          object_lock_enabled: false,
          policy: "",
          region: ctx.region,
          replication_configuration: [],
          request_payer: "BucketOwner",
          server_side_encryption_configuration: [
            {
              rule: [
                {
                  apply_server_side_encryption_by_default: [
                    { kms_master_key_id: kmsArn(ctx), sse_algorithm: "aws:kms" },
                  ],
                  bucket_key_enabled: true,
                },
              ],
            },
          ],
          tags: tagsFor(ctx, bucket, {
            dataset: key,
            classification: rng.pick(["internal", "confidential", "restricted"]),
          }),
          tags_all: tagsFor(ctx, bucket, { dataset: key }),
          timeouts: null,
          versioning: [{ enabled: true, mfa_delete: false }],
          website: [],
          website_domain: null,
          website_endpoint: null,
        },
        computed: [
          "acceleration_status",
          "acl",
          "arn",
          "bucket_domain_name",
          "bucket_regional_domain_name",
          "hosted_zone_id",
          "id",
          "lifecycle_rule",
          "logging",
          "object_lock_configuration",
          "policy",
          "region",
          "replication_configuration",
          "request_payer",
          "server_side_encryption_configuration",
          "versioning",
          "website",
          "website_domain",
          "website_endpoint",
        ],
        mutate: (b) => (b.tags = { ...b.tags, classification: "unclassified" }),
      };
    },
    expressions: () => ({
      bucket: ref("var.team", "var.environment", "each.key"),
      force_destroy: c(false),
      tags: ref("local.tags", "each.key"),
    }),
  },

  sse: {
    type: "aws_s3_bucket_server_side_encryption_configuration",
    name: "datasets",
    provider: AWS,
    values(ctx, _rng, _name, key) {
      const bucket = `ml-${ctx.team}-${ctx.env}-${key}`;
      return {
        after: {
          bucket,
          expected_bucket_owner: "",
          id: bucket,
          rule: [
            {
              apply_server_side_encryption_by_default: [{ kms_master_key_id: kmsArn(ctx), sse_algorithm: "aws:kms" }],
              bucket_key_enabled: true,
            },
          ],
        },
        computed: ["id"],
        linked: ["bucket"],
        mutate: (b) => (b.rule = [{ ...b.rule[0], bucket_key_enabled: false }]),
      };
    },
    expressions: () => ({
      bucket: ref(
        "aws_s3_bucket.datasets[each.key].id",
        "aws_s3_bucket.datasets[each.key]",
        "aws_s3_bucket.datasets",
        "each.key",
      ),
      rule: [
        {
          apply_server_side_encryption_by_default: [
            { kms_master_key_id: ref("aws_kms_key.team.arn", "aws_kms_key.team"), sse_algorithm: c("aws:kms") },
          ],
          bucket_key_enabled: c(true),
        },
      ],
    }),
  },

  scratch: {
    // Buckets without any SSE configuration: they fail PG-AWS-S3-001.
    type: "aws_s3_bucket",
    name: "scratch",
    provider: AWS,
    values(ctx, rng, name, key) {
      const v = BLOCKS.datasets.values(ctx, rng, name, `scratch-${key}`);
      v.after.server_side_encryption_configuration = [];
      return v;
    },
    expressions: () => ({ bucket: ref("var.team", "count.index"), force_destroy: c(true), tags: ref("local.tags") }),
  },

  iamPolicy: {
    type: "aws_iam_policy",
    name: "access",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const flavour = rng.chance(BAD_RATE / 2) ? "admin" : rng.chance(BAD_RATE / 2) ? "passrole" : "ok";
      const policyName = `${ctx.team}-${ctx.env}-${key}`;
      return {
        after: {
          arn: `arn:aws:iam::${ctx.account}:policy/ml/${policyName}`,
          attachment_count: rng.int(1, 4),
          description: `Access for ${ctx.team} ${key} workloads`,
          id: `arn:aws:iam::${ctx.account}:policy/ml/${policyName}`,
          name: policyName,
          name_prefix: "",
          path: "/ml/",
          policy: policyJson(rng, ctx, flavour),
          policy_id: `ANPA${rng.hex(17).toUpperCase()}`,
          tags: tagsFor(ctx, policyName),
          tags_all: tagsFor(ctx, policyName),
        },
        computed: ["arn", "attachment_count", "id", "policy_id"],
        mutate: (b) => (b.policy = b.policy.replace('"Version"', '"Id":"previous","Version"')),
      };
    },
    expressions: () => ({
      description: ref("var.team", "each.key"),
      name: ref("var.team", "var.environment", "each.key"),
      path: c("/ml/"),
      policy: ref(
        "data.aws_iam_policy_document.access[each.key].json",
        "data.aws_iam_policy_document.access[each.key]",
        "data.aws_iam_policy_document.access",
      ),
      tags: ref("local.tags"),
    }),
  },

  rolePolicy: {
    type: "aws_iam_role_policy",
    name: "jobs",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const flavour = rng.chance(BAD_RATE / 2) ? "admin" : "ok";
      return {
        after: {
          id: `${ctx.team}-sagemaker-execution:${ctx.team}-jobs-${key}`,
          name: `${ctx.team}-jobs-${key}`,
          name_prefix: "",
          policy: policyJson(rng, ctx, flavour),
          role: `${ctx.team}-sagemaker-execution`,
        },
        computed: ["id"],
        mutate: (b) => (b.policy = b.policy.replace('"Version"', '"Id":"previous","Version"')),
      };
    },
    expressions: () => ({
      name: ref("var.team", "count.index"),
      policy: ref("data.aws_iam_policy_document.jobs.json", "data.aws_iam_policy_document.jobs"),
      role: ref("var.execution_role_name"),
    }),
  },

  sg: {
    type: "aws_security_group",
    name: "nodes",
    provider: AWS,
    values(ctx, _rng, _name) {
      const ingress = [
        ingressBlock(["10.0.0.0/8"], 443, 443, "HTTPS from the VPC"),
        ingressBlock(["10.20.0.0/16"], 8888, 8888, "Jupyter from the bastion subnet"),
        ingressBlock(["10.0.0.0/8", "172.16.0.0/12"], 29500, 29510, "NCCL / torch.distributed"),
      ];
      if (ctx.openSg) ingress.push(ingressBlock(["0.0.0.0/0"], 22, 22, "SSH (temporary)"));
      return {
        after: {
          arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/${ctx.sgId}`,
          description: `GPU nodes of team ${ctx.team}`,
          egress: [
            {
              cidr_blocks: ["0.0.0.0/0"],
              description: "",
              from_port: 0,
              ipv6_cidr_blocks: [],
              prefix_list_ids: [],
              protocol: "-1",
              security_groups: [],
              self: false,
              to_port: 0,
            },
          ],
          id: ctx.sgId,
          ingress,
          name: `${ctx.team}-${ctx.env}-gpu-nodes`,
          name_prefix: "",
          owner_id: ctx.account,
          revoke_rules_on_delete: false,
          tags: tagsFor(ctx, `${ctx.team}-gpu-nodes`),
          tags_all: tagsFor(ctx, `${ctx.team}-gpu-nodes`),
          timeouts: null,
          vpc_id: ctx.vpcId,
        },
        computed: ["arn", "id", "owner_id"],
        mutate: (b) => (b.ingress = b.ingress.slice(0, 2)),
      };
    },
    expressions: () => ({
      description: ref("var.team"),
      egress: [{ cidr_blocks: c(["0.0.0.0/0"]), from_port: c(0), protocol: c("-1"), to_port: c(0) }],
      ingress: ref("local.ingress_rules"),
      name: ref("var.team", "var.environment"),
      tags: ref("local.tags"),
      vpc_id: ref("var.vpc_id"),
    }),
  },

  sgRule: {
    type: "aws_security_group_rule",
    name: "ingress",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const world = rng.chance(BAD_RATE);
      const port = world ? rng.pick([22, 3389]) : rng.pick([443, 6006, 8080, 8888, 9090]);
      return {
        after: {
          cidr_blocks: world ? ["0.0.0.0/0"] : [rng.pick(["10.0.0.0/8", "10.20.0.0/16", "172.16.0.0/12"])],
          description: `ingress ${key} for ${ctx.team}`,
          from_port: port,
          id: `sgrule-${rng.int(1e9, 4e9)}`,
          ipv6_cidr_blocks: null,
          prefix_list_ids: null,
          protocol: "tcp",
          security_group_id: ctx.sgId,
          security_group_rule_id: `sgr-${rng.hex(17)}`,
          self: false,
          source_security_group_id: null,
          timeouts: null,
          to_port: port,
          type: "ingress",
        },
        computed: ["id", "security_group_rule_id", "source_security_group_id"],
        linked: ["security_group_id"],
        mutate: (b) => (b.description = `ingress ${key}`),
      };
    },
    expressions: () => ({
      cidr_blocks: ref("var.allowed_cidrs", "count.index"),
      from_port: ref("local.ports", "count.index"),
      protocol: c("tcp"),
      security_group_id: ref("aws_security_group.nodes.id", "aws_security_group.nodes"),
      to_port: ref("local.ports", "count.index"),
      type: c("ingress"),
    }),
  },

  db: {
    type: "aws_db_instance",
    name: "tracking",
    provider: AWS,
    values(ctx, rng, _name) {
      const id = `${ctx.team}-${ctx.env}-mlflow`;
      return {
        after: {
          address: `${id}.c${rng.hex(10)}.${ctx.region}.rds.amazonaws.com`,
          allocated_storage: rng.pick([100, 200, 500]),
          allow_major_version_upgrade: null,
          apply_immediately: false,
          arn: `arn:aws:rds:${ctx.region}:${ctx.account}:db:${id}`,
          auto_minor_version_upgrade: true,
          availability_zone: `${ctx.region}a`,
          backup_retention_period: 14,
          backup_window: "03:00-04:00",
          ca_cert_identifier: "rds-ca-rsa2048-g1",
          copy_tags_to_snapshot: true,
          db_name: "mlflow",
          db_subnet_group_name: `${ctx.env}-private`,
          deletion_protection: ctx.env === "prod",
          endpoint: `${id}.c${rng.hex(10)}.${ctx.region}.rds.amazonaws.com:5432`,
          engine: "postgres",
          engine_version: "15.5",
          final_snapshot_identifier: `${id}-final`,
          iam_database_authentication_enabled: true,
          id: `db-${rng.hex(26).toUpperCase()}`,
          identifier: id,
          instance_class: rng.pick(["db.r6g.large", "db.r6g.xlarge", "db.m6g.large"]),
          kms_key_id: kmsArn(ctx),
          maintenance_window: "sun:05:00-sun:06:00",
          multi_az: ctx.env === "prod",
          password: `pw-${rng.hex(24)}`,
          performance_insights_enabled: true,
          port: 5432,
          publicly_accessible: rng.chance(BAD_RATE * 2),
          skip_final_snapshot: false,
          storage_encrypted: !rng.chance(BAD_RATE * 2),
          storage_type: "gp3",
          tags: tagsFor(ctx, id),
          tags_all: tagsFor(ctx, id),
          username: "mlflow",
          vpc_security_group_ids: [ctx.sgId],
        },
        computed: [
          "address",
          "arn",
          "availability_zone",
          "ca_cert_identifier",
          "endpoint",
          "engine_version",
          "id",
          "maintenance_window",
        ],
        linked: ["kms_key_id", "vpc_security_group_ids"],
        sensitive: ["password"],
        mutate: (b) => (b.allocated_storage = b.allocated_storage - 50),
      };
    },
    expressions: () => ({
      allocated_storage: ref("var.db_storage_gb"),
      backup_retention_period: c(14),
      db_name: c("mlflow"),
      engine: c("postgres"),
      engine_version: c("15.5"),
      identifier: ref("var.team", "var.environment"),
      instance_class: ref("var.db_instance_class"),
      kms_key_id: ref("aws_kms_key.team.arn", "aws_kms_key.team"),
      password: ref("random_password.db.result", "random_password.db"),
      publicly_accessible: c(false),
      storage_encrypted: c(true),
      tags: ref("local.tags"),
      username: c("mlflow"),
      vpc_security_group_ids: ref("aws_security_group.nodes.id", "aws_security_group.nodes"),
    }),
  },

  cluster: {
    type: "aws_rds_cluster",
    name: "features",
    provider: AWS,
    values(ctx, rng) {
      const id = `${ctx.team}-${ctx.env}-features`;
      return {
        after: {
          arn: `arn:aws:rds:${ctx.region}:${ctx.account}:cluster:${id}`,
          availability_zones: [`${ctx.region}a`, `${ctx.region}b`, `${ctx.region}c`],
          backup_retention_period: 7,
          cluster_identifier: id,
          cluster_members: [],
          copy_tags_to_snapshot: true,
          database_name: "features",
          db_subnet_group_name: `${ctx.env}-private`,
          deletion_protection: true,
          endpoint: `${id}.cluster-c${rng.hex(10)}.${ctx.region}.rds.amazonaws.com`,
          engine: "aurora-postgresql",
          engine_mode: "provisioned",
          engine_version: "15.4",
          iam_database_authentication_enabled: true,
          id,
          kms_key_id: kmsArn(ctx),
          master_password: `pw-${rng.hex(24)}`,
          master_username: "features",
          port: 5432,
          preferred_backup_window: "02:00-03:00",
          reader_endpoint: `${id}.cluster-ro-c${rng.hex(10)}.${ctx.region}.rds.amazonaws.com`,
          serverlessv2_scaling_configuration: [{ max_capacity: 16, min_capacity: 0.5 }],
          skip_final_snapshot: false,
          storage_encrypted: !rng.chance(BAD_RATE * 2),
          tags: tagsFor(ctx, id),
          tags_all: tagsFor(ctx, id),
          vpc_security_group_ids: [ctx.sgId],
        },
        computed: ["arn", "cluster_members", "endpoint", "engine_version", "id", "reader_endpoint"],
        linked: ["kms_key_id", "vpc_security_group_ids"],
        sensitive: ["master_password"],
        mutate: (b) => (b.backup_retention_period = 3),
      };
    },
    expressions: () => ({
      cluster_identifier: ref("var.team", "var.environment"),
      engine: c("aurora-postgresql"),
      kms_key_id: ref("aws_kms_key.team.arn", "aws_kms_key.team"),
      master_password: ref("random_password.db.result", "random_password.db"),
      master_username: c("features"),
      serverlessv2_scaling_configuration: [{ max_capacity: c(16), min_capacity: c(0.5) }],
      storage_encrypted: c(true),
      tags: ref("local.tags"),
      vpc_security_group_ids: ref("aws_security_group.nodes.id", "aws_security_group.nodes"),
    }),
  },

  notebook: {
    type: "aws_sagemaker_notebook_instance",
    name: "workbench",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const noKey = rng.chance(BAD_RATE);
      const id = `${ctx.team}-${ctx.env}-nb-${key}`;
      return {
        after: {
          accelerator_types: null,
          additional_code_repositories: null,
          arn: `arn:aws:sagemaker:${ctx.region}:${ctx.account}:notebook-instance/${id}`,
          default_code_repository: null,
          direct_internet_access: rng.chance(BAD_RATE) ? "Enabled" : "Disabled",
          id,
          instance_metadata_service_configuration: [{ minimum_instance_metadata_service_version: "2" }],
          instance_type: rng.pick(["ml.t3.xlarge", "ml.m5.2xlarge", "ml.g5.xlarge"]),
          kms_key_id: noKey ? null : kmsArn(ctx),
          lifecycle_config_name: `${ctx.team}-idle-shutdown`,
          name: id,
          network_interface_id: `eni-${rng.hex(17)}`,
          platform_identifier: "notebook-al2-v2",
          role_arn: `arn:aws:iam::${ctx.account}:role/${ctx.team}-sagemaker-execution`,
          root_access: "Disabled",
          security_groups: [ctx.sgId],
          subnet_id: ctx.subnetId,
          tags: tagsFor(ctx, id),
          tags_all: tagsFor(ctx, id),
          url: `${id}.notebook.${ctx.region}.sagemaker.aws`,
          volume_size: rng.pick([50, 100, 200]),
        },
        computed: ["arn", "id", "network_interface_id", "url"],
        linked: noKey ? ["security_groups"] : ["kms_key_id", "security_groups"],
        mutate: (b) => (b.volume_size = 20),
      };
    },
    expressions: () => ({
      direct_internet_access: c("Disabled"),
      instance_type: ref("var.notebook_instance_type"),
      kms_key_id: ref("aws_kms_key.team.arn", "aws_kms_key.team"),
      lifecycle_config_name: ref("var.team"),
      name: ref("var.team", "var.environment", "count.index"),
      role_arn: ref("var.execution_role_arn"),
      root_access: c("Disabled"),
      security_groups: ref("aws_security_group.nodes.id", "aws_security_group.nodes"),
      subnet_id: ref("var.subnet_id"),
      tags: ref("local.tags"),
      volume_size: ref("var.notebook_volume_gb"),
    }),
  },

  projectMember: {
    type: "google_project_iam_member",
    name: "members",
    provider: GOOGLE,
    values(ctx, rng, _name, key) {
      const role = GCP_ROLES[Number(String(key).split("-").pop()) % GCP_ROLES.length];
      return {
        after: {
          condition: [],
          etag: `BwY${rng.hex(9)}=`,
          id: `${ctx.project}/${role}/serviceAccount:${ctx.team}-jobs@${ctx.project}.iam.gserviceaccount.com`,
          member: `serviceAccount:${ctx.team}-jobs@${ctx.project}.iam.gserviceaccount.com`,
          project: ctx.project,
          role,
        },
        computed: ["etag", "id"],
      };
    },
    expressions: () => ({
      member: ref("google_service_account.jobs.email", "google_service_account.jobs"),
      project: ref("var.project"),
      role: ref("each.value"),
    }),
  },

  bucketMember: {
    type: "google_storage_bucket_iam_member",
    name: "readers",
    provider: GOOGLE,
    values(ctx, rng, _name, key) {
      const bucket = `${ctx.project}-${key}`;
      const member = rng.chance(BAD_RATE)
        ? rng.pick(["allUsers", "allAuthenticatedUsers"])
        : `group:${ctx.team}-readers@example.com`;
      return {
        after: {
          bucket: `b/${bucket}`,
          condition: [],
          etag: `CAE=${rng.hex(6)}`,
          id: `b/${bucket}/roles/storage.objectViewer/${member}`,
          member,
          role: "roles/storage.objectViewer",
        },
        computed: ["etag", "id"],
      };
    },
    expressions: () => ({
      bucket: ref("var.gcs_buckets", "each.key"),
      member: ref("each.value"),
      role: c("roles/storage.objectViewer"),
    }),
  },

  firewall: {
    type: "google_compute_firewall",
    name: "allow",
    provider: GOOGLE,
    values(ctx, rng, _name, key) {
      const world = rng.chance(BAD_RATE);
      const id = `${ctx.team}-${ctx.env}-allow-${key}`;
      return {
        after: {
          allow: world
            ? [{ ports: ["22"], protocol: "tcp" }]
            : [
                { ports: ["443", "8443"], protocol: "tcp" },
                { ports: [], protocol: "icmp" },
              ],
          creation_timestamp: "2024-03-11T09:12:44.512-07:00",
          deny: [],
          description: `Ingress ${key} for team ${ctx.team}`,
          destination_ranges: [],
          direction: "INGRESS",
          disabled: false,
          enable_logging: null,
          id: `projects/${ctx.project}/global/firewalls/${id}`,
          log_config: [{ metadata: "INCLUDE_ALL_METADATA" }],
          name: id,
          network: `https://www.googleapis.com/compute/v1/projects/${ctx.project}/global/networks/ml-${ctx.env}`,
          priority: 1000,
          project: ctx.project,
          self_link: `https://www.googleapis.com/compute/v1/projects/${ctx.project}/global/firewalls/${id}`,
          source_ranges: world ? ["0.0.0.0/0"] : ["10.128.0.0/9", "35.235.240.0/20"],
          source_service_accounts: null,
          source_tags: null,
          target_service_accounts: null,
          target_tags: ["gpu-node", ctx.team],
          timeouts: null,
        },
        computed: ["creation_timestamp", "id", "self_link"],
        mutate: (b) => (b.priority = 900),
      };
    },
    expressions: () => ({
      allow: [{ ports: ref("local.allowed_ports"), protocol: c("tcp") }],
      direction: c("INGRESS"),
      log_config: [{ metadata: c("INCLUDE_ALL_METADATA") }],
      name: ref("var.team", "var.environment", "count.index"),
      network: ref("var.network"),
      project: ref("var.project"),
      source_ranges: ref("var.internal_ranges"),
      target_tags: ref("var.team"),
    }),
  },

  instance: {
    type: "aws_instance",
    name: "node",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const id = `i-${rng.hex(17)}`;
      const nodeName = `${ctx.team}-${ctx.pool.key}-${key}`;
      return {
        after: {
          ami: "ami-0c7217cdde317cfec",
          arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:instance/${id}`,
          associate_public_ip_address: rng.chance(BAD_RATE),
          availability_zone: `${ctx.region}${rng.pick(["a", "b", "c"])}`,
          cpu_options: [],
          credit_specification: [],
          disable_api_stop: false,
          disable_api_termination: false,
          ebs_block_device: [
            {
              delete_on_termination: true,
              device_name: "/dev/sdf",
              encrypted: true,
              iops: 16000,
              kms_key_id: kmsArn(ctx),
              snapshot_id: "",
              tags: null,
              throughput: 1000,
              volume_id: `vol-${rng.hex(17)}`,
              volume_size: 2000,
              volume_type: "gp3",
            },
          ],
          ebs_optimized: true,
          ephemeral_block_device: [],
          get_password_data: false,
          hibernation: null,
          iam_instance_profile: `${ctx.team}-training-nodes`,
          id,
          instance_initiated_shutdown_behavior: "stop",
          instance_lifecycle: "",
          instance_market_options: [],
          instance_state: "running",
          instance_type: ctx.pool.shape,
          ipv6_address_count: 0,
          ipv6_addresses: [],
          key_name: "",
          launch_template: [],
          metadata_options: [
            {
              http_endpoint: "enabled",
              http_protocol_ipv6: "disabled",
              http_put_response_hop_limit: 2,
              http_tokens: "required",
              instance_metadata_tags: "disabled",
            },
          ],
          monitoring: true,
          network_interface: [],
          outpost_arn: "",
          password_data: "",
          placement_group: `${ctx.team}-${ctx.pool.key}-cluster`,
          placement_partition_number: 0,
          primary_network_interface_id: `eni-${rng.hex(17)}`,
          private_dns: `ip-10-20-${rng.int(0, 255)}-${rng.int(1, 254)}.ec2.internal`,
          private_ip: `10.20.${rng.int(0, 255)}.${rng.int(1, 254)}`,
          public_dns: "",
          public_ip: "",
          root_block_device: [
            {
              delete_on_termination: true,
              device_name: "/dev/xvda",
              encrypted: true,
              iops: 3000,
              kms_key_id: kmsArn(ctx),
              tags: null,
              throughput: 125,
              volume_id: `vol-${rng.hex(17)}`,
              volume_size: 200,
              volume_type: "gp3",
            },
          ],
          secondary_private_ips: [],
          security_groups: [],
          source_dest_check: true,
          subnet_id: ctx.subnetId,
          tags: tagsFor(ctx, nodeName, { pool: ctx.pool.key, "gpu-shape": ctx.pool.shape }),
          tags_all: tagsFor(ctx, nodeName, { pool: ctx.pool.key, "gpu-shape": ctx.pool.shape }),
          tenancy: "default",
          timeouts: null,
          user_data: rng.hex(40),
          user_data_base64: null,
          user_data_replace_on_change: false,
          volume_tags: null,
          vpc_security_group_ids: [ctx.sgId],
        },
        computed: [
          "arn",
          "availability_zone",
          "cpu_options",
          "id",
          "instance_lifecycle",
          "instance_state",
          "ipv6_addresses",
          "network_interface",
          "outpost_arn",
          "password_data",
          "placement_partition_number",
          "primary_network_interface_id",
          "private_dns",
          "private_ip",
          "public_dns",
          "public_ip",
          "secondary_private_ips",
          "security_groups",
        ],
        linked: ["vpc_security_group_ids"],
        mutate: (b) => (b.instance_type = ctx.pool.shape.startsWith("p") ? "g5.12xlarge" : "g5.2xlarge"),
        replacePath: "ami",
        replaceBefore: (b) => (b.ami = "ami-0a3c3a20c09d6f377"),
      };
    },
    expressions: () => ({
      ami: ref("data.aws_ami.dlami.id", "data.aws_ami.dlami"),
      associate_public_ip_address: c(false),
      ebs_block_device: [
        {
          device_name: c("/dev/sdf"),
          encrypted: c(true),
          iops: c(16000),
          kms_key_id: ref("var.kms_key_arn"),
          throughput: c(1000),
          volume_size: ref("var.data_volume_gb"),
          volume_type: c("gp3"),
        },
      ],
      iam_instance_profile: ref("var.instance_profile"),
      instance_type: ref("var.instance_type"),
      metadata_options: [
        { http_endpoint: c("enabled"), http_put_response_hop_limit: c(2), http_tokens: c("required") },
      ],
      monitoring: c(true),
      placement_group: ref("var.placement_group"),
      root_block_device: [
        { encrypted: c(true), kms_key_id: ref("var.kms_key_arn"), volume_size: c(200), volume_type: c("gp3") },
      ],
      subnet_id: ref("var.subnet_id"),
      tags: ref("local.tags", "count.index"),
      user_data: ref("local.user_data"),
      vpc_security_group_ids: ref("var.security_group_id"),
    }),
  },

  volume: {
    type: "aws_ebs_volume",
    name: "scratch",
    provider: AWS,
    values(ctx, rng, _name, key) {
      const plain = rng.chance(BAD_RATE);
      return {
        after: {
          arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:volume/vol-${rng.hex(17)}`,
          availability_zone: `${ctx.region}a`,
          encrypted: !plain,
          final_snapshot: false,
          id: `vol-${rng.hex(17)}`,
          iops: 6000,
          kms_key_id: plain ? "" : kmsArn(ctx),
          multi_attach_enabled: false,
          outpost_arn: "",
          size: rng.pick([500, 1000, 2000, 4000]),
          snapshot_id: "",
          tags: tagsFor(ctx, `${ctx.team}-${ctx.pool?.key ?? "archive"}-scratch-${key}`),
          tags_all: tagsFor(ctx, `${ctx.team}-${ctx.pool?.key ?? "archive"}-scratch-${key}`),
          throughput: 500,
          timeouts: null,
          type: "gp3",
        },
        computed: ["arn", "id", "snapshot_id"],
        linked: plain ? [] : ["kms_key_id"],
        mutate: (b) => {
          b.size = Math.max(100, b.size / 2);
          b.throughput = 250;
        },
      };
    },
    expressions: () => ({
      availability_zone: ref("var.availability_zone"),
      encrypted: c(true),
      iops: c(6000),
      kms_key_id: ref("var.kms_key_arn"),
      size: ref("var.scratch_gb"),
      tags: ref("local.tags", "count.index"),
      throughput: c(500),
      type: c("gp3"),
    }),
  },

  gce: {
    type: "google_compute_instance",
    name: "node",
    provider: GOOGLE,
    values(ctx, rng, _name, key) {
      const nodeName = `${ctx.team}-${ctx.pool.key}-${key}`;
      const zone = rng.pick(GCP_ZONES);
      const acc = ctx.pool.accelerator
        ? [{ count: rng.pick([1, 2, 4]), type: rng.chance(BAD_RATE) ? "nvidia-tesla-k80" : ctx.pool.accelerator }]
        : [];
      return {
        after: {
          advanced_machine_features: [],
          allow_stopping_for_update: true,
          attached_disk: [],
          boot_disk: [
            {
              auto_delete: true,
              device_name: "persistent-disk-0",
              disk_encryption_key_raw: `${rng.hex(43)}=`,
              disk_encryption_key_sha256: `${rng.hex(43)}=`,
              initialize_params: [
                {
                  image: "projects/deeplearning-platform-release/global/images/family/common-cu121",
                  labels: {},
                  resource_manager_tags: null,
                  size: 500,
                  type: "pd-ssd",
                },
              ],
              kms_key_self_link: "",
              mode: "READ_WRITE",
              source: `https://www.googleapis.com/compute/v1/projects/${ctx.project}/zones/${zone}/disks/${nodeName}`,
            },
          ],
          can_ip_forward: false,
          confidential_instance_config: [],
          cpu_platform: "Intel Cascade Lake",
          current_status: "RUNNING",
          deletion_protection: false,
          description: `GPU node ${key} of ${ctx.team}/${ctx.pool.key}`,
          enable_display: false,
          guest_accelerator: acc,
          hostname: "",
          id: `projects/${ctx.project}/zones/${zone}/instances/${nodeName}`,
          instance_id: String(rng.int(1e15, 9e15)),
          label_fingerprint: rng.hex(11),
          labels: gcpLabels(ctx, { pool: ctx.pool.key }),
          machine_type: ctx.pool.shape,
          metadata: {
            "enable-oslogin": "TRUE",
            "install-nvidia-driver": "True",
            "startup-script-url": `gs://${ctx.project}-bootstrap/gpu-node.sh`,
          },
          metadata_fingerprint: rng.hex(11),
          min_cpu_platform: "",
          name: nodeName,
          network_interface: [
            {
              access_config: [],
              alias_ip_range: [],
              ipv6_access_config: [],
              ipv6_access_type: "",
              name: "nic0",
              network: `https://www.googleapis.com/compute/v1/projects/${ctx.project}/global/networks/ml-${ctx.env}`,
              network_ip: `10.128.${rng.int(0, 255)}.${rng.int(2, 254)}`,
              nic_type: "",
              queue_count: 0,
              stack_type: "IPV4_ONLY",
              subnetwork: `https://www.googleapis.com/compute/v1/projects/${ctx.project}/regions/us-central1/subnetworks/gpu-${ctx.env}`,
              subnetwork_project: ctx.project,
            },
          ],
          project: ctx.project,
          resource_policies: [],
          scheduling: [
            {
              automatic_restart: true,
              instance_termination_action: "",
              min_node_cpus: 0,
              node_affinities: [],
              on_host_maintenance: "TERMINATE",
              preemptible: false,
              provisioning_model: "STANDARD",
            },
          ],
          scratch_disk: [],
          self_link: `https://www.googleapis.com/compute/v1/projects/${ctx.project}/zones/${zone}/instances/${nodeName}`,
          service_account: [
            {
              email: `${ctx.team}-nodes@${ctx.project}.iam.gserviceaccount.com`,
              scopes: ["https://www.googleapis.com/auth/cloud-platform"],
            },
          ],
          shielded_instance_config: [
            { enable_integrity_monitoring: true, enable_secure_boot: false, enable_vtpm: true },
          ],
          tags: ["gpu-node", ctx.team],
          tags_fingerprint: rng.hex(11),
          timeouts: null,
          zone,
        },
        computed: [
          "cpu_platform",
          "current_status",
          "id",
          "instance_id",
          "label_fingerprint",
          "metadata_fingerprint",
          "self_link",
          "tags_fingerprint",
        ],
        sensitive: ["boot_disk.0.disk_encryption_key_raw"],
        mutate: (b) => (b.labels = { ...b.labels, pool: "legacy" }),
      };
    },
    expressions: () => ({
      boot_disk: [
        {
          disk_encryption_key_raw: ref("var.csek"),
          initialize_params: [
            {
              image: c("projects/deeplearning-platform-release/global/images/family/common-cu121"),
              size: c(500),
              type: c("pd-ssd"),
            },
          ],
        },
      ],
      guest_accelerator: ref("var.accelerators"),
      labels: ref("local.labels"),
      machine_type: ref("var.machine_type"),
      metadata: ref("local.metadata"),
      name: ref("var.team", "var.pool", "count.index"),
      network_interface: [{ network: ref("var.network"), subnetwork: ref("var.subnetwork") }],
      project: ref("var.project"),
      scheduling: [{ on_host_maintenance: c("TERMINATE") }],
      service_account: [
        { email: ref("var.node_service_account"), scopes: c(["https://www.googleapis.com/auth/cloud-platform"]) },
      ],
      tags: ref("var.team"),
      zone: ref("var.zones", "count.index"),
    }),
  },

  nodePool: {
    type: "google_container_node_pool",
    name: "pool",
    provider: GOOGLE,
    values(ctx, rng) {
      const poolName = `${ctx.team}-${ctx.pool.key}`;
      const unbounded = rng.chance(BAD_RATE);
      return {
        after: {
          autoscaling: [
            {
              location_policy: "ANY",
              max_node_count: unbounded ? 64 : rng.int(2, 8),
              min_node_count: 0,
              total_max_node_count: 0,
              total_min_node_count: 0,
            },
          ],
          cluster: `ml-${ctx.env}`,
          id: `projects/${ctx.project}/locations/us-central1/clusters/ml-${ctx.env}/nodePools/${poolName}`,
          initial_node_count: 0,
          instance_group_urls: [
            `https://www.googleapis.com/compute/v1/projects/${ctx.project}/zones/us-central1-a/instanceGroupManagers/gke-${poolName}-${rng.hex(8)}-grp`,
          ],
          location: "us-central1",
          managed_instance_group_urls: [
            `https://www.googleapis.com/compute/v1/projects/${ctx.project}/zones/us-central1-a/instanceGroups/gke-${poolName}-${rng.hex(8)}-grp`,
          ],
          management: [{ auto_repair: true, auto_upgrade: true }],
          max_pods_per_node: 110,
          name: poolName,
          name_prefix: "",
          network_config: [],
          node_config: [
            {
              disk_size_gb: 200,
              disk_type: "pd-balanced",
              guest_accelerator: ctx.pool.accelerator
                ? [
                    {
                      count: 1,
                      gpu_driver_installation_config: [{ gpu_driver_version: "LATEST" }],
                      gpu_partition_size: "",
                      gpu_sharing_config: [],
                      type: ctx.pool.accelerator,
                    },
                  ]
                : [],
              image_type: "COS_CONTAINERD",
              labels: gcpLabels(ctx, { pool: ctx.pool.key }),
              local_ssd_count: 0,
              machine_type: ctx.pool.shape,
              metadata: { "disable-legacy-endpoints": "true" },
              oauth_scopes: ["https://www.googleapis.com/auth/cloud-platform"],
              preemptible: false,
              resource_labels: gcpLabels(ctx, { pool: ctx.pool.key }),
              service_account: `${ctx.team}-nodes@${ctx.project}.iam.gserviceaccount.com`,
              shielded_instance_config: [{ enable_integrity_monitoring: true, enable_secure_boot: true }],
              spot: ctx.env !== "prod",
              tags: ["gpu-node", ctx.team],
              taint: [{ effect: "NO_SCHEDULE", key: "nvidia.com/gpu", value: "present" }],
              workload_metadata_config: [{ mode: "GKE_METADATA" }],
            },
          ],
          node_count: 1,
          node_locations: ["us-central1-a", "us-central1-c"],
          operation: null,
          project: ctx.project,
          upgrade_settings: [{ blue_green_settings: [], max_surge: 1, max_unavailable: 0, strategy: "SURGE" }],
          version: "1.29.4-gke.1043002",
        },
        computed: ["id", "instance_group_urls", "managed_instance_group_urls", "operation", "version"],
        mutate: (b) => (b.autoscaling = [{ ...b.autoscaling[0], min_node_count: 1 }]),
      };
    },
    expressions: () => ({
      autoscaling: [{ location_policy: c("ANY"), max_node_count: ref("var.max_nodes"), min_node_count: c(0) }],
      cluster: ref("var.cluster"),
      location: c("us-central1"),
      management: [{ auto_repair: c(true), auto_upgrade: c(true) }],
      name: ref("var.team", "var.pool"),
      node_config: [
        {
          disk_size_gb: c(200),
          guest_accelerator: ref("var.accelerators"),
          labels: ref("local.labels"),
          machine_type: ref("var.machine_type"),
          oauth_scopes: c(["https://www.googleapis.com/auth/cloud-platform"]),
          resource_labels: ref("local.labels"),
          service_account: ref("var.node_service_account"),
          spot: ref("var.spot"),
          taint: [{ effect: c("NO_SCHEDULE"), key: c("nvidia.com/gpu"), value: c("present") }],
        },
      ],
      node_count: c(1),
      node_locations: ref("var.zones"),
      project: ref("var.project"),
    }),
  },
};

// Root-level archive volumes reuse the EBS volume block under another name.
BLOCKS.archive = {
  ...BLOCKS.volume,
  name: "archive",
  expressions: () => ({ ...BLOCKS.volume.expressions(), kms_key_id: ref("aws_kms_key.team.arn", "aws_kms_key.team") }),
};
BLOCKS.platformKms = { ...BLOCKS.kms, name: "team" };

// ---------------------------------------------------------------------------
// Layout: the module tree, the blocks in each module and their instance keys

/**
 * How each module's blocks repeat. `keys(rng, ctx)` returns the instance
 * keys: [undefined] for a single instance, numbers for count, strings for
 * for_each.
 */
const count = (lo, hi) => (rng) => Array.from({ length: rng.int(lo, hi) }, (_, i) => i);
const single = () => [undefined];
const TEAM_BLOCKS = [
  { block: "kms", keys: single },
  { block: "datasets", keys: (_rng, ctx) => ctx.datasets, forEach: "var.datasets" },
  { block: "sse", keys: (_rng, ctx) => ctx.datasets, forEach: "aws_s3_bucket.datasets" },
  { block: "scratch", keys: (rng) => (rng.chance(0.25) ? [0] : []), count: "var.scratch_buckets" },
  {
    block: "iamPolicy",
    keys: (rng) => rng.some(["read", "write", "train", "serve", "batch", "eval", "label", "export"], 2, 5).sort(),
    forEach: "local.access_policies",
  },
  { block: "rolePolicy", keys: count(1, 4), count: "length(local.job_policies)" },
  { block: "sg", keys: single },
  { block: "sgRule", keys: count(2, 5), count: "length(var.extra_ingress)" },
  { block: "db", keys: (rng) => (rng.chance(0.6) ? [undefined] : []), count: "var.tracking_db ? 1 : 0" },
  { block: "cluster", keys: (rng) => (rng.chance(0.3) ? [undefined] : []), count: "var.feature_store ? 1 : 0" },
  { block: "notebook", keys: count(1, 6), count: "var.notebooks" },
  {
    block: "projectMember",
    keys: (rng) =>
      rng
        .some(
          GCP_ROLES.map((r, i) => `${r.split("/")[1]}-${i}`),
          4,
          8,
        )
        .sort(),
    forEach: "local.project_roles",
  },
  { block: "bucketMember", keys: (rng) => rng.some(DATASETS, 2, 6).sort(), forEach: "var.gcs_readers" },
  { block: "firewall", keys: count(1, 4), count: "length(var.firewall_rules)" },
];
const POOL_BLOCKS = [
  {
    block: "instance",
    keys: (rng, ctx) => (ctx.pool.cloud === "aws" ? count(1, 5)(rng) : []),
    count: 'var.cloud == "aws" ? var.node_count : 0',
  },
  {
    block: "volume",
    keys: (rng, ctx) => (ctx.pool.cloud === "aws" ? count(0, 4)(rng) : []),
    count: 'var.cloud == "aws" ? var.node_count : 0',
  },
  {
    block: "gce",
    keys: (rng, ctx) => (ctx.pool.cloud === "gcp" ? count(1, 4)(rng) : []),
    count: 'var.cloud == "gcp" ? var.node_count : 0',
  },
  {
    block: "nodePool",
    keys: (_rng, ctx) => (ctx.pool.cloud === "gcp" ? [undefined] : []),
    count: 'var.cloud == "gcp" ? 1 : 0',
  },
];

function teamContext(rng, name, i) {
  const env = rng.pick(ENVIRONMENTS);
  return {
    team: name,
    env,
    region: rng.pick(REGIONS),
    account: accountOf(rng),
    project: `ml-${name.replace(/_/g, "-")}-${env}`,
    costCenter: `cc-${rng.int(1000, 9999)}`,
    dropCostCenter: rng.chance(BAD_RATE),
    openSg: rng.chance(BAD_RATE),
    fresh: rng.chance(0.25),
    kmsId: uuid(rng),
    sgId: `sg-${rng.hex(17)}`,
    vpcId: `vpc-${rng.hex(17)}`,
    subnetId: `subnet-${rng.hex(17)}`,
    datasets: rng.some(DATASETS, 2, 6).sort(),
    ordinal: i,
  };
}

/**
 * The layout: module instances (with their block instances) and module
 * configurations. Only descriptors: values are generated later, per section.
 */
export function buildLayout(total, seed) {
  const rng = makeRng(mix(seed, 1));
  const rootCtx = { ...teamContext(rng, "platform", 0), fresh: false, dropCostCenter: false, openSg: false };
  const root = { address: "", ctx: rootCtx, blocks: [], children: [] };
  const rootConfig = { blocks: [], calls: [] };
  let ordinal = 0;
  let n = 0;
  const addBlocks = (inst, config, specs, prefix) => {
    for (const spec of specs) {
      const keys = spec.keys(rng, inst.ctx);
      if (config && !config.blocks.some((b) => b.spec === spec)) config.blocks.push({ spec, def: BLOCKS[spec.block] });
      for (const key of keys) {
        const def = BLOCKS[spec.block];
        const local = `${def.type}.${def.name}${keyText(key)}`;
        inst.blocks.push({ def, key, ordinal: ordinal++, address: prefix ? `${prefix}.${local}` : local });
        n++;
      }
    }
  };
  addBlocks(root, rootConfig, [{ block: "platformKms", keys: single }], "");

  const names = new Map();
  for (let t = 0; ; t++) {
    const word = TEAM_WORDS[t % TEAM_WORDS.length];
    const round = Math.floor(t / TEAM_WORDS.length);
    const name = round === 0 ? word : `${word}${round + 1}`;
    const ctx = teamContext(rng, name, t + 1);
    const address = `module.team_${name}`;
    const team = { address, ctx, blocks: [], children: [] };
    const teamConfig = { blocks: [], calls: [] };
    const saved = { ordinal, n };
    addBlocks(team, teamConfig, TEAM_BLOCKS, address);
    const pools = rng.some(POOLS, 2, 4).sort((a, b) => (a.key < b.key ? -1 : 1));
    const poolConfig = { blocks: [], calls: [] };
    for (const pool of pools) {
      const paddr = `${address}.module.pool[${JSON.stringify(pool.key)}]`;
      const inst = { address: paddr, ctx: { ...ctx, pool }, blocks: [], children: [] };
      addBlocks(inst, poolConfig, POOL_BLOCKS, paddr);
      team.children.push(inst);
    }
    if (n > total) {
      // This team does not fit: fill the rest with root-level archive volumes.
      ordinal = saved.ordinal;
      n = saved.n;
      break;
    }
    teamConfig.calls.push({
      name: "pool",
      source: "./modules/gpu-pool",
      forEach: pools.map((p) => p.key),
      config: poolConfig,
    });
    rootConfig.calls.push({ name: `team_${name}`, source: "./modules/ml-team", ctx, config: teamConfig });
    root.children.push(team);
    names.set(name, team);
  }
  const rest = total - n;
  if (rest > 0)
    addBlocks(
      root,
      rootConfig,
      [{ block: "archive", keys: () => Array.from({ length: rest }, (_, i) => i), count: "var.archive_volumes" }],
      "",
    );
  for (const inst of walk(root)) inst.blocks.sort((a, b) => cmp(a.address, b.address));
  root.children.sort((a, b) => cmp(a.address, b.address));
  return { root, rootConfig, seed, total };
}

function* walk(inst) {
  yield inst;
  for (const child of inst.children) yield* walk(child);
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------
// One resource instance, in every shape a section needs

const ACTIONS = [
  [0.5, ["no-op"]],
  [0.65, ["update"]],
  [0.88, ["create"]],
  [0.94, ["delete"]],
  [0.98, ["delete", "create"]],
  [1.01, ["create", "delete"]],
];

/** Regenerates one instance from its own seed: the same result in every section. */
function instanceOf(layoutSeed, inst, b) {
  const rng = makeRng(mix(layoutSeed, b.ordinal + 17));
  const ctx = inst.ctx;
  const v = b.def.values(ctx, rng, b.def.name, b.key ?? 0);
  let actions = ["create"];
  if (!ctx.fresh) {
    const x = rng();
    actions = ACTIONS.find(([p]) => x < p)[1];
    // Nothing to update in place (IAM members): unchanged.
    if (actions[0] === "update" && !v.mutate) actions = ["no-op"];
  }
  return { v, actions, rng };
}

/**
 * after_unknown / after_sensitive as Terraform writes them: the value's
 * shape (objects, and lists with `false` for each primitive element), known
 * primitives left out, `true` at each marked path ("password",
 * "boot_disk.0.disk_encryption_key_raw").
 */
function mask(value, marked) {
  let tree;
  for (const path of marked ?? []) {
    const steps = path.split(".");
    tree ??= {};
    let node = tree;
    for (let i = 0; i < steps.length - 1; i++) node = node[steps[i]] ??= {};
    node[steps[steps.length - 1]] = true;
  }
  const out = maskWith(value, tree);
  if (tree) for (const key of Object.keys(tree)) if (tree[key] === true && !(key in out)) out[key] = true;
  return out;
}

function maskWith(v, tree) {
  if (Array.isArray(v)) {
    return v.map((x, i) => {
      const t = tree?.[i];
      if (t === true) return true;
      return x !== null && typeof x === "object" ? maskWith(x, t) : false;
    });
  }
  if (v !== null && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v)) {
      const t = tree?.[k];
      if (t === true) {
        out[k] = true;
        continue;
      }
      const x = v[k];
      if (x !== null && typeof x === "object") out[k] = maskWith(x, t);
    }
    return out;
  }
  return undefined;
}

function without(obj, keys) {
  const out = {};
  for (const k of Object.keys(obj)) if (!keys.has(k)) out[k] = obj[k];
  return out;
}

/** The resource_changes entry (and the values planned_values and prior_state show). */
function changeOf(layoutSeed, inst, b) {
  const { v, actions } = instanceOf(layoutSeed, inst, b);
  const def = b.def;
  const sensitive = v.sensitive ?? [];
  const isCreate = actions.includes("create");
  const isDelete = actions.includes("delete");
  const unknown = new Set();
  if (isCreate) {
    // Computed attributes are unknown for anything created (replacements too);
    // references to the team's own key and security group only when the team is new.
    for (const k of v.computed ?? []) unknown.add(k);
    if (inst.ctx.fresh) for (const k of v.linked ?? []) unknown.add(k);
  }
  const full = v.after;
  let before = null;
  if (!(actions.length === 1 && actions[0] === "create")) {
    before = structuredClone(full);
    if (actions[0] === "update" && v.mutate) v.mutate(before);
    if (actions.length === 2 && v.replaceBefore) v.replaceBefore(before);
  }
  const after =
    actions.length === 1 && actions[0] === "delete" ? null : unknown.size > 0 ? without(full, unknown) : full;
  const rc = { address: b.address };
  if (inst.address) rc.module_address = inst.address;
  rc.mode = "managed";
  rc.type = def.type;
  rc.name = def.name;
  if (b.key !== undefined) rc.index = b.key;
  rc.provider_name = def.provider;
  rc.change = {
    actions,
    before,
    after,
    after_unknown: after === null ? {} : mask(after, [...unknown]),
    before_sensitive: before === null ? false : mask(before, sensitive),
    after_sensitive: after === null ? false : mask(after, sensitive),
  };
  if (actions.length === 2) rc.change.replace_paths = [[v.replacePath ?? "name"]];
  if (actions.length === 2) rc.action_reason = "replace_because_cannot_update";
  else if (isDelete)
    rc.action_reason =
      typeof b.key === "string"
        ? "delete_because_each_key"
        : b.key !== undefined
          ? "delete_because_count_index"
          : "delete_because_no_resource_config";
  return { rc, before, after, sensitive };
}

function stateEntry(b, values, sensitive) {
  const e = { address: b.address, mode: "managed", type: b.def.type, name: b.def.name };
  if (b.key !== undefined) e.index = b.key;
  e.provider_name = b.def.provider;
  e.schema_version = b.def.type === "aws_instance" ? 1 : 0;
  e.values = values;
  e.sensitive_values = mask(values, sensitive);
  return e;
}

// ---------------------------------------------------------------------------
// Configuration

function configModule(config, _ctx) {
  const out = {};
  const outputs = {};
  if (config.blocks.length > 0) {
    out.resources = config.blocks.map(({ spec, def }) => {
      const block = {
        address: `${def.type}.${def.name}`,
        mode: "managed",
        type: def.type,
        name: def.name,
        provider_config_key: def.provider === AWS ? "aws" : "google",
        expressions: def.expressions(),
        schema_version: 0,
      };
      if (spec.count) block.count_expression = { references: referencesOf(spec.count) };
      if (spec.forEach) block.for_each_expression = { references: referencesOf(spec.forEach) };
      if (def.type === "aws_s3_bucket_server_side_encryption_configuration") block.depends_on = ["aws_kms_key.team"];
      return block;
    });
    if (config.blocks.some(({ def }) => def.type === "aws_kms_key"))
      outputs.kms_key_arn = {
        expression: ref("aws_kms_key.team.arn", "aws_kms_key.team"),
        description: "The team's KMS key",
      };
    if (config.blocks.some(({ def }) => def.type === "aws_security_group"))
      outputs.security_group_id = { expression: ref("aws_security_group.nodes.id", "aws_security_group.nodes") };
    if (config.blocks.some(({ def }) => def.type === "aws_instance"))
      outputs.instance_ids = { expression: ref("aws_instance.node") };
  }
  if (Object.keys(outputs).length > 0) out.outputs = outputs;
  if (config.calls.length > 0) {
    out.module_calls = {};
    for (const call of config.calls) {
      const mc = { source: call.source };
      if (call.name === "pool") {
        mc.expressions = {
          accelerators: ref("each.value.accelerators", "each.value"),
          cloud: ref("each.value.cloud", "each.value"),
          instance_type: ref("each.value.shape", "each.value"),
          kms_key_arn: ref("aws_kms_key.team.arn", "aws_kms_key.team"),
          machine_type: ref("each.value.shape", "each.value"),
          node_count: ref("each.value.nodes", "each.value"),
          pool: c(null),
          project: ref("var.project"),
          security_group_id: ref("aws_security_group.nodes.id", "aws_security_group.nodes"),
          subnet_id: ref("var.subnet_id"),
          team: ref("var.team"),
        };
        mc.for_each_expression = { references: ["var.pools"] };
      } else {
        mc.expressions = {
          cost_center: c(call.ctx.costCenter),
          datasets: c(call.ctx.datasets),
          environment: c(call.ctx.env),
          project: c(call.ctx.project),
          subnet_id: ref("var.private_subnet_ids[0]", "var.private_subnet_ids"),
          team: c(call.ctx.team),
          vpc_id: ref("var.vpc_id"),
        };
      }
      mc.module = configModule(call.config, call.ctx);
      if (call.name === "pool") {
        mc.module.variables = variablesOf([
          "accelerators",
          "cloud",
          "instance_type",
          "kms_key_arn",
          "machine_type",
          "node_count",
          "pool",
          "project",
          "security_group_id",
          "subnet_id",
          "team",
        ]);
      } else {
        mc.module.variables = variablesOf([
          "cost_center",
          "datasets",
          "environment",
          "project",
          "subnet_id",
          "team",
          "vpc_id",
        ]);
      }
      out.module_calls[call.name] = mc;
    }
  }
  return out;
}

function variablesOf(names) {
  const out = {};
  for (const n of names) out[n] = { description: `The ${n.replace(/_/g, " ")}.` };
  return out;
}

function referencesOf(expr) {
  const refs = expr.match(/[a-z_]+\.[a-z_]+/g) ?? [];
  return [...new Set(refs)];
}

// ---------------------------------------------------------------------------
// Writing

/**
 * Streams the plan as compact JSON (as `terraform show -json` writes it)
 * to `write(chunk)`. Returns the number of resource instances.
 */
export function generatePlan({ resources = 1000, seed = 42 } = {}, write) {
  const layout = buildLayout(resources, seed);
  const layoutSeed = mix(seed, 2);
  const J = JSON.stringify;
  const { root } = layout;

  write(`{"format_version":"1.2","terraform_version":${J(TERRAFORM_VERSION)},`);
  write(
    `"variables":${J({ archive_volumes: { value: root.blocks.filter((b) => b.def.name === "archive").length }, environment: { value: "prod" }, region: { value: "us-east-1" } })},`,
  );

  // planned_values: what exists after apply (everything but pure deletes).
  write(`"planned_values":{"outputs":{"platform_kms_key_arn":{"sensitive":false}},"root_module":`);
  writeTree(
    root,
    write,
    (inst, b) => {
      const { after, sensitive } = changeOf(layoutSeed, inst, b);
      return after === null ? undefined : stateEntry(b, after, sensitive);
    },
    true,
  );
  write(`},`);

  // resource_changes: every instance, sorted by address.
  write(`"resource_changes":[`);
  const all = [];
  for (const inst of walk(root)) for (const b of inst.blocks) all.push([inst, b]);
  all.sort((x, y) => cmp(x[1].address, y[1].address));
  let first = true;
  for (const [inst, b] of all) {
    write((first ? "" : ",") + J(changeOf(layoutSeed, inst, b).rc));
    first = false;
  }
  all.length = 0;
  write(`],`);
  write(
    `"output_changes":{"platform_kms_key_arn":{"actions":["no-op"],"before":"arn:aws:kms:us-east-1:111122223333:key/platform","after":"arn:aws:kms:us-east-1:111122223333:key/platform","after_unknown":false,"before_sensitive":false,"after_sensitive":false}},`,
  );

  // prior_state: what exists before apply (everything not being created).
  write(`"prior_state":{"format_version":"1.0","terraform_version":${J(TERRAFORM_VERSION)},"values":{"root_module":`);
  writeTree(
    root,
    write,
    (inst, b) => {
      const { before, sensitive } = changeOf(layoutSeed, inst, b);
      if (before === null) return undefined;
      return stateEntry(b, before, sensitive);
    },
    false,
    [
      {
        address: "data.aws_caller_identity.current",
        mode: "data",
        type: "aws_caller_identity",
        name: "current",
        provider_name: AWS,
        schema_version: 0,
        values: {
          account_id: root.ctx.account,
          arn: `arn:aws:iam::${root.ctx.account}:assumed-role/terraform-ci/session`,
          id: root.ctx.account,
          user_id: "AROAEXAMPLE:session",
        },
        sensitive_values: {},
      },
    ],
  );
  write(`}},`);

  // configuration
  const config = {
    provider_config: {
      aws: { name: "aws", full_name: AWS, version_constraint: "~> 5.40", expressions: { region: ref("var.region") } },
      google: {
        name: "google",
        full_name: GOOGLE,
        version_constraint: "~> 5.20",
        expressions: { project: ref("var.gcp_project") },
      },
    },
    root_module: configModule(layout.rootConfig, root.ctx),
  };
  config.root_module.resources ??= [];
  config.root_module.resources.push({
    address: "data.aws_caller_identity.current",
    mode: "data",
    type: "aws_caller_identity",
    name: "current",
    provider_config_key: "aws",
    schema_version: 0,
  });
  config.root_module.variables = {
    archive_volumes: { default: 0 },
    environment: { default: "prod" },
    region: { default: "us-east-1" },
  };
  write(`"configuration":`);
  write(J(config));
  write(`,"timestamp":"2026-11-26T12:00:00Z","applyable":true,"complete":true,"errored":false}\n`);
  return resources;
}

/** A module instance as planned_values / prior_state show it, child modules nested. */
function writeTree(inst, write, entryOf, isRoot, extra = []) {
  write("{");
  let wrote = false;
  const entries = [];
  for (const b of inst.blocks) {
    const e = entryOf(inst, b);
    if (e) entries.push(JSON.stringify(e));
  }
  for (const e of extra) entries.push(JSON.stringify(e));
  if (entries.length > 0) {
    write(`"resources":[`);
    for (let i = 0; i < entries.length; i++) write((i ? "," : "") + entries[i]);
    write("]");
    wrote = true;
  }
  if (!isRoot || inst.address) {
    write(`${wrote ? "," : ""}"address":${JSON.stringify(inst.address)}`);
    wrote = true;
  }
  const children = inst.children;
  if (children.length > 0) {
    write(`${wrote ? "," : ""}"child_modules":[`);
    children.forEach((child, i) => {
      if (i) write(",");
      writeTree(child, write, entryOf, false);
    });
    write("]");
  }
  write("}");
}

/** Writes the plan to a file through a 4 MB buffer; returns bytes written. */
export function generatePlanFile(file, options = {}) {
  const fd = openSync(file, "w");
  let parts = [];
  let pending = 0;
  let bytes = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const buf = Buffer.from(parts.join(""), "utf8");
    writeSync(fd, buf);
    bytes += buf.length;
    parts = [];
    pending = 0;
  };
  try {
    generatePlan(options, (chunk) => {
      parts.push(chunk);
      pending += chunk.length;
      if (pending > 4 * 1024 * 1024) flush();
    });
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The plan as one string (small plans only: tests). */
export function generatePlanString(options = {}) {
  const parts = [];
  generatePlan(options, (chunk) => parts.push(chunk));
  return parts.join("");
}

// ---------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const out = { resources: 15000, seed: 42, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--resources") out.resources = parseCount(val());
    else if (a === "--seed") out.seed = Number(val());
    else if (a === "--out") out.out = val();
    else if (a === "--help" || a === "-h") out.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(out.resources) || out.resources < 1)
    throw new Error("--resources must be a positive integer (1000, 15k, 1.5m)");
  if (!Number.isInteger(out.seed)) throw new Error("--seed must be an integer");
  return out;
}

/** "15000", "15k", "1.5m" */
export function parseCount(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!m) return NaN;
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === "k" ? 1e3 : m[2].toLowerCase() === "m" ? 1e6 : 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help || !args.out) {
      process.stdout.write("usage: node bench/generate.js --resources 15000 --seed 42 --out bench/out/plan-15k.json\n");
      process.exit(args.help ? 0 : 2);
    }
    const start = performance.now();
    const bytes = generatePlanFile(args.out, args);
    process.stderr.write(
      `${args.out}: ${args.resources} resources, ${(bytes / 1048576).toFixed(1)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
    );
  } catch (err) {
    process.stderr.write(`generate: ${err.message}\n`);
    process.exit(2);
  }
}
