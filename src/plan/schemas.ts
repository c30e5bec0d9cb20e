/**
 * JSON Schemas for what `terraform show -json` prints, kept shallow on
 * purpose: they check the skeleton every later stage relies on (types of the
 * top-level keys, resource entries, change objects) and never descend into
 * attribute values, which belong to providers and can be megabytes.
 * Unknown keys are allowed everywhere: minor format versions only add fields.
 */

const anyObject = { type: "object" } as const;
const nullableObject = { type: ["object", "null"] } as const;

const resourceValues = {
  type: "object",
  required: ["address", "mode", "type", "name"],
  properties: {
    address: { type: "string", minLength: 1 },
    mode: { enum: ["managed", "data"] },
    type: { type: "string", minLength: 1 },
    name: { type: "string", minLength: 1 },
    index: { type: ["string", "integer"] },
    provider_name: { type: "string" },
    values: nullableObject,
    sensitive_values: { type: ["object", "boolean"] },
    depends_on: { type: "array", items: { type: "string" } },
  },
} as const;

/** A module of values; recursive through `$defs`, which every schema below carries. */
const moduleValuesDef = {
  type: "object",
  properties: {
    address: { type: "string" },
    resources: { type: "array", items: resourceValues },
    child_modules: { type: "array", items: { $ref: "#/$defs/module" } },
  },
} as const;
const moduleValues = { $ref: "#/$defs/module" } as const;
const defs = { module: moduleValuesDef } as const;

const stateValues = {
  type: "object",
  properties: {
    outputs: { type: "object", additionalProperties: { type: "object" } },
    root_module: moduleValues,
  },
} as const;

const change = {
  type: "object",
  required: ["actions"],
  properties: {
    actions: { type: "array", minItems: 1, items: { type: "string" } },
    before: {},
    after: {},
    after_unknown: {},
    before_sensitive: {},
    after_sensitive: {},
    replace_paths: { type: "array" },
  },
} as const;

const resourceChange = {
  type: "object",
  required: ["address", "mode", "type", "name", "change"],
  properties: {
    address: { type: "string", minLength: 1 },
    previous_address: { type: "string" },
    module_address: { type: "string" },
    mode: { enum: ["managed", "data"] },
    type: { type: "string", minLength: 1 },
    name: { type: "string", minLength: 1 },
    index: { type: ["string", "integer"] },
    deposed: { type: "string" },
    provider_name: { type: "string" },
    change: {
      ...change,
      properties: {
        ...change.properties,
        before: nullableObject,
        after: nullableObject,
      },
    },
    action_reason: { type: "string" },
  },
} as const;

const formatVersion = { type: "string" } as const;

export const planSchema = {
  $defs: defs,
  type: "object",
  required: ["format_version"],
  properties: {
    format_version: formatVersion,
    terraform_version: { type: "string" },
    variables: { type: "object", additionalProperties: { type: "object" } },
    planned_values: {
      type: "object",
      properties: {
        outputs: { type: "object", additionalProperties: { type: "object" } },
        root_module: moduleValues,
      },
    },
    resource_drift: { type: "array", items: resourceChange },
    resource_changes: { type: "array", items: resourceChange },
    deferred_changes: { type: "array" },
    output_changes: { type: "object", additionalProperties: { type: "object", properties: { change } } },
    prior_state: {
      type: "object",
      properties: { format_version: formatVersion, values: stateValues },
    },
    configuration: {
      type: "object",
      properties: { provider_config: anyObject, root_module: anyObject },
    },
    relevant_attributes: {
      type: "array",
      items: {
        type: "object",
        required: ["resource"],
        properties: { resource: { type: "string" }, attribute: { type: "array" } },
      },
    },
    checks: { type: "array" },
    timestamp: { type: "string" },
    applyable: { type: "boolean" },
    complete: { type: "boolean" },
    errored: { type: "boolean" },
  },
} as const;

export const stateSchema = {
  $defs: defs,
  type: "object",
  required: ["format_version"],
  properties: {
    format_version: formatVersion,
    terraform_version: { type: "string" },
    values: stateValues,
    checks: { type: "array" },
  },
} as const;

/** The raw state file Terraform keeps (`terraform state pull`), version 4. */
export const rawStateSchema = {
  type: "object",
  required: ["version", "resources"],
  properties: {
    version: { const: 4 },
    terraform_version: { type: "string" },
    serial: { type: "integer" },
    lineage: { type: "string" },
    outputs: { type: "object", additionalProperties: { type: "object" } },
    resources: {
      type: "array",
      items: {
        type: "object",
        required: ["mode", "type", "name", "instances"],
        properties: {
          module: { type: "string" },
          mode: { enum: ["managed", "data"] },
          type: { type: "string", minLength: 1 },
          name: { type: "string", minLength: 1 },
          provider: { type: "string" },
          instances: {
            type: "array",
            items: {
              type: "object",
              properties: {
                index_key: { type: ["string", "integer"] },
                attributes: nullableObject,
                sensitive_attributes: { type: "array" },
                deposed: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
} as const;
