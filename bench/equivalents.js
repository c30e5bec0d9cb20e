/**
 * 150 conftest-style rules, twice: as Rego (bench/policies/*.rego, package
 * main, written from this table by bench/make-policies.js) and as their
 * TypeScript equivalents, plain functions over planguard's model. The bench
 * times both on the same plan and checks that they deny the same messages,
 * so the comparison is between equal work.
 *
 * Each rule is one of a dozen shapes that conftest policies for Terraform
 * plans commonly take (an attribute equal to a bad value, a missing tag, a
 * world-open port, a wildcard in a policy document, ...), applied to the
 * resource types and attributes of the synthetic plans (bench/generate.js).
 * Every rule walks all resource changes and filters by type, as a conftest
 * rule does (`r := input.resource_changes[_]; r.type == "..."`); so do the
 * equivalents. Messages are "<id>: <address>".
 */

// ---------------------------------------------------------------------------
// Paths: "metadata_options.0.http_tokens" in JavaScript and in Rego

function steps(path) {
  return path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function get(value, path) {
  let v = value;
  for (const s of path) {
    if (v === null || typeof v !== "object") return undefined;
    if (Array.isArray(v)) {
      if (typeof s !== "number") return undefined;
      v = v[s];
    } else {
      if (typeof s === "number" || !Object.hasOwn(v, s)) return undefined;
      v = v[s];
    }
  }
  return v;
}

function regoRef(base, path) {
  return (
    base +
    steps(path)
      .map((s) =>
        typeof s === "number" ? `[${s}]` : /^[a-z_][a-z0-9_]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`,
      )
      .join("")
  );
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// ---------------------------------------------------------------------------
// The shapes: for each, the TypeScript check (per resource) and the Rego body

const SHAPES = {
  /** after.<path> == value */
  eq: {
    ts: ({ path, value }) => {
      const p = steps(path);
      return (r) => get(r.after, p) === value;
    },
    rego: ({ path, value }) => [`${regoRef("r.change.after", path)} == ${JSON.stringify(value)}`],
  },
  /** after.<path> is set and is not value */
  neq: {
    ts: ({ path, value }) => {
      const p = steps(path);
      return (r) => {
        const v = get(r.after, p);
        return v !== undefined && v !== value;
      };
    },
    rego: ({ path, value }) => [`v := ${regoRef("r.change.after", path)}`, `v != ${JSON.stringify(value)}`],
  },
  /** the resource will exist and lacks a tag (or label) */
  tagMissing: {
    ts: ({ path, tag }) => {
      const p = steps(path);
      return (r) => {
        if (!isObject(r.after)) return false;
        const tags = get(r.after, p);
        const v = isObject(tags) ? tags[tag] : undefined;
        return v === undefined || v === false;
      };
    },
    rego: ({ path, tag }) => [
      `after := r.change.after`,
      `is_object(after)`,
      `not ${regoRef("after", path)}[${JSON.stringify(tag)}]`,
    ],
  },
  /** a numeric attribute above a limit */
  numGt: {
    ts: ({ path, limit }) => {
      const p = steps(path);
      return (r) => {
        const v = get(r.after, p);
        return typeof v === "number" && v > limit;
      };
    },
    rego: ({ path, limit }) => [`v := ${regoRef("r.change.after", path)}`, `is_number(v)`, `v > ${limit}`],
  },
  /** a numeric attribute below a floor */
  numLt: {
    ts: ({ path, limit }) => {
      const p = steps(path);
      return (r) => {
        const v = get(r.after, p);
        return typeof v === "number" && v < limit;
      };
    },
    rego: ({ path, limit }) => [`v := ${regoRef("r.change.after", path)}`, `is_number(v)`, `v < ${limit}`],
  },
  /** a security group ingress block open to the world on a port */
  worldIngress: {
    ts:
      ({ port, cidr }) =>
      (r) => {
        const list = r.after?.ingress;
        if (!Array.isArray(list)) return false;
        return list.some(
          (b) =>
            isObject(b) &&
            Array.isArray(b.cidr_blocks) &&
            b.cidr_blocks.includes(cidr) &&
            b.from_port <= port &&
            b.to_port >= port,
        );
      },
    rego: ({ port, cidr }) => [
      `some b in r.change.after.ingress`,
      `${JSON.stringify(cidr)} in b.cidr_blocks`,
      `b.from_port <= ${port}`,
      `b.to_port >= ${port}`,
    ],
  },
  /** a standalone ingress rule open to the world on a port */
  worldRule: {
    ts:
      ({ port, cidr }) =>
      (r) => {
        const a = r.after;
        return (
          isObject(a) &&
          a.type === "ingress" &&
          Array.isArray(a.cidr_blocks) &&
          a.cidr_blocks.includes(cidr) &&
          a.from_port <= port &&
          a.to_port >= port
        );
      },
    rego: ({ port, cidr }) => [
      `r.change.after.type == "ingress"`,
      `${JSON.stringify(cidr)} in r.change.after.cidr_blocks`,
      `r.change.after.from_port <= ${port}`,
      `r.change.after.to_port >= ${port}`,
    ],
  },
  /** a GCE firewall open to the world on a port */
  worldFirewall: {
    ts:
      ({ port }) =>
      (r) => {
        const a = r.after;
        if (
          !isObject(a) ||
          a.direction !== "INGRESS" ||
          !Array.isArray(a.source_ranges) ||
          !a.source_ranges.includes("0.0.0.0/0")
        )
          return false;
        return (
          Array.isArray(a.allow) &&
          a.allow.some((b) => isObject(b) && Array.isArray(b.ports) && b.ports.includes(String(port)))
        );
      },
    rego: ({ port }) => [
      `r.change.after.direction == "INGRESS"`,
      `"0.0.0.0/0" in r.change.after.source_ranges`,
      `some b in r.change.after.allow`,
      `${JSON.stringify(String(port))} in b.ports`,
    ],
  },
  /** an IAM policy document (a JSON string) with an Allow statement on an action and a resource */
  policyAllows: {
    ts:
      ({ path, action, resource }) =>
      (r) => {
        const text = r.after?.[path];
        if (typeof text !== "string") return false;
        let doc;
        try {
          doc = JSON.parse(text);
        } catch {
          // Not JSON, so no statement allows anything (as the Rego twin reads it).
          return false;
        }
        const list = isObject(doc) && Array.isArray(doc.Statement) ? doc.Statement : [];
        return list.some(
          (s) => isObject(s) && s.Effect === "Allow" && has(s.Action, action) && has(s.Resource, resource),
        );
      },
    rego: ({ path, action, resource }) => [
      `is_string(r.change.after.${path})`,
      `doc := json.unmarshal(r.change.after.${path})`,
      `some s in doc.Statement`,
      `s.Effect == "Allow"`,
      `has(s.Action, ${JSON.stringify(action)})`,
      `has(s.Resource, ${JSON.stringify(resource)})`,
    ],
  },
  /** an attribute matching a regular expression */
  matches: {
    ts: ({ path, pattern }) => {
      const p = steps(path);
      const re = new RegExp(pattern);
      return (r) => {
        const v = get(r.after, p);
        return typeof v === "string" && re.test(v);
      };
    },
    rego: ({ path, pattern }) => [
      `v := ${regoRef("r.change.after", path)}`,
      `is_string(v)`,
      `regex.match(${JSON.stringify(pattern)}, v)`,
    ],
  },
  /** a shape by prefix without a tag: GPU instances need a cost owner */
  prefixWithoutTag: {
    ts: ({ path, prefix, tag }) => {
      const p = steps(path);
      return (r) => {
        const v = get(r.after, p);
        if (typeof v !== "string" || !v.startsWith(prefix)) return false;
        const tags = r.after.tags;
        const t = isObject(tags) ? tags[tag] : undefined;
        return t === undefined || t === false;
      };
    },
    rego: ({ path, prefix, tag }) => [
      `v := ${regoRef("r.change.after", path)}`,
      `is_string(v)`,
      `startswith(v, ${JSON.stringify(prefix)})`,
      `not r.change.after.tags[${JSON.stringify(tag)}]`,
    ],
  },
  /** the plan takes an action on the resource */
  action: {
    ts:
      ({ action }) =>
      (r) =>
        r.actions.includes(action),
    rego: ({ action }) => [`${JSON.stringify(action)} in r.change.actions`],
  },
  /** an attribute known only after apply */
  unknownAfter: {
    ts:
      ({ path }) =>
      (r) =>
        isObject(r.afterUnknown) && r.afterUnknown[path] === true,
    rego: ({ path }) => [`r.change.after_unknown.${path} == true`],
  },
  /** a list attribute longer than a limit */
  countGt: {
    ts: ({ path, limit }) => {
      const p = steps(path);
      return (r) => {
        const v = get(r.after, p);
        return Array.isArray(v) && v.length > limit;
      };
    },
    rego: ({ path, limit }) => [`v := ${regoRef("r.change.after", path)}`, `is_array(v)`, `count(v) > ${limit}`],
  },
  /** some element of a block list has field == value */
  anyBlock: {
    ts: ({ path, field, value }) => {
      const p = steps(path);
      return (r) => {
        const list = get(r.after, p);
        return Array.isArray(list) && list.some((b) => isObject(b) && b[field] === value);
      };
    },
    rego: ({ path, field, value }) => [
      `some b in ${regoRef("r.change.after", path)}`,
      `b.${field} == ${JSON.stringify(value)}`,
    ],
  },
  /** a changed attribute: before and after differ (updates) */
  changed: {
    ts: ({ path }) => {
      const p = steps(path);
      return (r) => {
        if (!r.actions.includes("update")) return false;
        const a = get(r.after, p);
        const b = get(r.before, p);
        return a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b);
      };
    },
    rego: ({ path }) => [
      `"update" in r.change.actions`,
      `a := ${regoRef("r.change.after", path)}`,
      `b := ${regoRef("r.change.before", path)}`,
      `a != b`,
    ],
  },
};

/** Rego's helper for a policy document's Action/Resource: a string or a list. */
export const REGO_HELPERS = `has(x, v) if x == v

has(x, v) if {
	is_array(x)
	v in x
}
`;

function has(x, v) {
  return x === v || (Array.isArray(x) && x.includes(v));
}

// ---------------------------------------------------------------------------
// The table

const TAGGED_AWS = [
  "aws_ebs_volume",
  "aws_instance",
  "aws_s3_bucket",
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_kms_key",
  "aws_security_group",
  "aws_sagemaker_notebook_instance",
  "aws_iam_policy",
];
const LABELLED_GCP = [
  ["google_compute_instance", "labels"],
  ["google_container_node_pool", "node_config.0.labels"],
  ["google_container_node_pool", "node_config.0.resource_labels"],
];
const POLICY_TYPES = ["aws_iam_policy", "aws_iam_role_policy"];

function table() {
  const specs = [];
  const add = (group, type, shape, params) =>
    specs.push({ id: `B${String(specs.length + 1).padStart(3, "0")}`, group, type, shape, params });

  // tags (AWS) and labels (GCP): 9 types x 3 tags + 3 x 3 labels = 36
  for (const type of TAGGED_AWS)
    for (const tag of ["team", "cost-center", "environment"]) add("tags", type, "tagMissing", { path: "tags", tag });
  for (const [type, path] of LABELLED_GCP)
    for (const tag of ["team", "cost-center", "environment"]) add("tags", type, "tagMissing", { path, tag });

  // encryption: 20
  add("encryption", "aws_ebs_volume", "eq", { path: "encrypted", value: false });
  add("encryption", "aws_ebs_volume", "eq", { path: "kms_key_id", value: "" });
  add("encryption", "aws_db_instance", "eq", { path: "storage_encrypted", value: false });
  add("encryption", "aws_db_instance", "eq", { path: "kms_key_id", value: null });
  add("encryption", "aws_rds_cluster", "eq", { path: "storage_encrypted", value: false });
  add("encryption", "aws_kms_key", "eq", { path: "enable_key_rotation", value: false });
  add("encryption", "aws_kms_key", "numLt", { path: "deletion_window_in_days", limit: 14 });
  add("encryption", "aws_sagemaker_notebook_instance", "eq", { path: "kms_key_id", value: null });
  add("encryption", "aws_instance", "anyBlock", { path: "root_block_device", field: "encrypted", value: false });
  add("encryption", "aws_instance", "anyBlock", { path: "ebs_block_device", field: "encrypted", value: false });
  add("encryption", "aws_instance", "anyBlock", { path: "root_block_device", field: "kms_key_id", value: "" });
  add("encryption", "aws_s3_bucket", "countGt", { path: "cors_rule", limit: 0 });
  add("encryption", "aws_s3_bucket_server_side_encryption_configuration", "neq", {
    path: "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm",
    value: "aws:kms",
  });
  add("encryption", "aws_s3_bucket_server_side_encryption_configuration", "eq", {
    path: "rule.0.bucket_key_enabled",
    value: false,
  });
  add("encryption", "aws_s3_bucket", "eq", { path: "versioning.0.enabled", value: false });
  add("encryption", "aws_s3_bucket", "eq", { path: "force_destroy", value: true });
  add("encryption", "google_compute_instance", "eq", { path: "boot_disk.0.kms_key_self_link", value: "" });
  add("encryption", "aws_db_instance", "eq", { path: "iam_database_authentication_enabled", value: false });
  add("encryption", "aws_rds_cluster", "eq", { path: "iam_database_authentication_enabled", value: false });
  add("encryption", "aws_db_instance", "numLt", { path: "backup_retention_period", limit: 7 });

  // network: 8 ports x (group blocks, standalone rules) + 6 firewall ports + 12 = 34
  for (const port of [22, 3389, 3306, 5432, 6379, 8888, 9200, 27017]) {
    add("network", "aws_security_group", "worldIngress", { port, cidr: "0.0.0.0/0" });
    add("network", "aws_security_group_rule", "worldRule", { port, cidr: "0.0.0.0/0" });
  }
  for (const port of [22, 3389, 8888, 6006, 5432, 9090])
    add("network", "google_compute_firewall", "worldFirewall", { port });
  add("network", "aws_db_instance", "eq", { path: "publicly_accessible", value: true });
  add("network", "aws_instance", "eq", { path: "associate_public_ip_address", value: true });
  add("network", "aws_sagemaker_notebook_instance", "eq", { path: "direct_internet_access", value: "Enabled" });
  add("network", "aws_sagemaker_notebook_instance", "eq", { path: "root_access", value: "Enabled" });
  add("network", "aws_instance", "neq", { path: "metadata_options.0.http_tokens", value: "required" });
  add("network", "aws_instance", "numGt", { path: "metadata_options.0.http_put_response_hop_limit", limit: 2 });
  add("network", "google_compute_instance", "countGt", { path: "network_interface.0.access_config", limit: 0 });
  add("network", "google_compute_instance", "eq", { path: "can_ip_forward", value: true });
  add("network", "google_compute_firewall", "eq", { path: "disabled", value: true });
  add("network", "google_compute_firewall", "countGt", { path: "log_config", limit: 5 });
  add("network", "aws_security_group", "countGt", { path: "ingress", limit: 3 });
  add("network", "google_container_node_pool", "neq", {
    path: "node_config.0.workload_metadata_config.0.mode",
    value: "GKE_METADATA",
  });

  // iam: 2 types x 6 + 8 = 20
  for (const type of POLICY_TYPES) {
    add("iam", type, "policyAllows", { path: "policy", action: "*", resource: "*" });
    add("iam", type, "policyAllows", { path: "policy", action: "iam:PassRole", resource: "*" });
    add("iam", type, "policyAllows", { path: "policy", action: "s3:*", resource: "*" });
    add("iam", type, "policyAllows", { path: "policy", action: "kms:*", resource: "*" });
    add("iam", type, "policyAllows", { path: "policy", action: "sagemaker:*", resource: "*" });
    add("iam", type, "matches", { path: "policy", pattern: '"Action":"\\*"' });
  }
  add("iam", "google_storage_bucket_iam_member", "eq", { path: "member", value: "allUsers" });
  add("iam", "google_storage_bucket_iam_member", "eq", { path: "member", value: "allAuthenticatedUsers" });
  add("iam", "google_project_iam_member", "eq", { path: "role", value: "roles/owner" });
  add("iam", "google_project_iam_member", "eq", { path: "role", value: "roles/editor" });
  add("iam", "google_project_iam_member", "matches", { path: "member", pattern: "^user:" });
  add("iam", "aws_kms_key", "policyAllows", { path: "policy", action: "kms:*", resource: "*" });
  add("iam", "aws_iam_policy", "neq", { path: "path", value: "/ml/" });
  add("iam", "aws_sagemaker_notebook_instance", "matches", {
    path: "role_arn",
    pattern: ":role/(admin|Administrator)",
  });

  // gpu: 22
  for (const prefix of ["p4d", "p5", "g5", "g6"]) {
    add("gpu", "aws_instance", "prefixWithoutTag", { path: "instance_type", prefix, tag: "cost-center" });
    add("gpu", "aws_instance", "prefixWithoutTag", { path: "instance_type", prefix, tag: "team" });
  }
  add("gpu", "aws_instance", "matches", { path: "instance_type", pattern: "^p[345]" });
  add("gpu", "aws_instance", "matches", { path: "instance_type", pattern: "^(p2|p3|g3|g4ad)\\." });
  add("gpu", "google_compute_instance", "anyBlock", {
    path: "guest_accelerator",
    field: "type",
    value: "nvidia-tesla-k80",
  });
  add("gpu", "google_compute_instance", "anyBlock", {
    path: "guest_accelerator",
    field: "type",
    value: "nvidia-tesla-p4",
  });
  add("gpu", "google_compute_instance", "matches", { path: "machine_type", pattern: "^a2-(mega|ultra)gpu" });
  add("gpu", "google_compute_instance", "eq", { path: "scheduling.0.on_host_maintenance", value: "MIGRATE" });
  add("gpu", "google_container_node_pool", "numGt", { path: "autoscaling.0.max_node_count", limit: 16 });
  add("gpu", "google_container_node_pool", "eq", { path: "node_config.0.spot", value: false });
  add("gpu", "google_container_node_pool", "anyBlock", {
    path: "node_config.0.guest_accelerator",
    field: "type",
    value: "nvidia-tesla-k80",
  });
  add("gpu", "google_container_node_pool", "countGt", { path: "node_config.0.taint", limit: 2 });
  add("gpu", "google_container_node_pool", "numGt", { path: "node_config.0.disk_size_gb", limit: 500 });
  add("gpu", "aws_sagemaker_notebook_instance", "matches", { path: "instance_type", pattern: "^ml\\.(p|g)" });
  add("gpu", "aws_ebs_volume", "numGt", { path: "size", limit: 3000 });
  add("gpu", "aws_instance", "anyBlock", { path: "ebs_block_device", field: "volume_type", value: "io2" });

  // lifecycle: 18
  for (const type of [
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_kms_key",
    "aws_s3_bucket",
    "aws_ebs_volume",
    "google_container_node_pool",
  ])
    add("lifecycle", type, "action", { action: "delete" });
  for (const type of ["aws_instance", "google_compute_instance", "aws_security_group"])
    add("lifecycle", type, "action", { action: "create" });
  add("lifecycle", "aws_instance", "changed", { path: "instance_type" });
  add("lifecycle", "aws_db_instance", "changed", { path: "instance_class" });
  add("lifecycle", "aws_iam_policy", "changed", { path: "policy" });
  add("lifecycle", "aws_security_group", "changed", { path: "ingress" });
  add("lifecycle", "aws_ebs_volume", "changed", { path: "size" });
  add("lifecycle", "aws_instance", "unknownAfter", { path: "vpc_security_group_ids" });
  add("lifecycle", "aws_sagemaker_notebook_instance", "unknownAfter", { path: "kms_key_id" });
  add("lifecycle", "aws_db_instance", "unknownAfter", { path: "kms_key_id" });
  add("lifecycle", "aws_s3_bucket_server_side_encryption_configuration", "unknownAfter", { path: "bucket" });
  return specs;
}

export const SPECS = table();

// ---------------------------------------------------------------------------
// The TypeScript equivalents

/**
 * One function per rule: (model) => messages. Each walks every resource and
 * filters by type, as the Rego rule walks input.resource_changes.
 */
export const EQUIVALENTS = SPECS.map((spec) => {
  const check = SHAPES[spec.shape].ts(spec.params);
  const { id, type } = spec;
  const rule = (model) => {
    const out = [];
    for (const r of model.resources) {
      if (r.type !== type) continue;
      if (check(r)) out.push(`${id}: ${r.address}`);
    }
    return out;
  };
  Object.defineProperty(rule, "name", { value: id });
  return rule;
});

/** All 150 rules over one model: the set of messages, as `data.main.deny` is a set. */
export function runEquivalents(model) {
  const deny = new Set();
  for (const rule of EQUIVALENTS) for (const msg of rule(model)) deny.add(msg);
  return deny;
}

// ---------------------------------------------------------------------------
// The Rego text

export function regoRule(spec) {
  const body = [
    `r := input.resource_changes[_]`,
    `r.type == ${JSON.stringify(spec.type)}`,
    ...SHAPES[spec.shape].rego(spec.params),
    `msg := sprintf("%s: %s", [${JSON.stringify(spec.id)}, r.address])`,
  ];
  return `# ${spec.id}: ${spec.shape} ${JSON.stringify(spec.params)}\ndeny contains msg if {\n${body.map((l) => `\t${l}`).join("\n")}\n}\n`;
}

/** The policy files: one per group, package main, Rego v1. */
export function regoFiles() {
  const groups = new Map();
  for (const spec of SPECS) {
    if (!groups.has(spec.group)) groups.set(spec.group, []);
    groups.get(spec.group).push(regoRule(spec));
  }
  const files = [];
  for (const [group, rules] of groups) {
    const head = `# Generated by bench/make-policies.js from bench/equivalents.js: conftest-style\n# rules for the benchmark (${rules.length} ${group} rules). Do not edit by hand.\npackage main\n\n`;
    const helpers = group === "iam" ? `\n${REGO_HELPERS}` : "";
    files.push({ file: `${group}.rego`, text: head + rules.join("\n") + helpers });
  }
  return files;
}
