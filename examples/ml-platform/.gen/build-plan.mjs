// Regenerates examples/ml-platform/plan.json: what `terraform show -json tfplan` (Terraform
// 1.9.8, AWS provider 5.7x, Google provider 6.x) prints for the .tf files in this folder.
//   node examples/ml-platform/.gen/build-plan.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { U, attr, buildPlan, buildState, c, configResource, goJson, ref, sortConfigResources, sortDeep } from "./tfjson.mjs";
import * as S from "./schemas.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const TF = "1.9.8";
const ACCOUNT = "123456789012";

// ---- variables (terraform.tfvars, TF_VAR_db_password, defaults) ----
const vars = {
  aws_region: "us-east-1",
  availability_zone: "us-east-1a",
  cost_center: "cc-4521",
  db_password: "example-only-PLANGUARD-REDACT-ME-91c2",
  dlami_id: "ami-0f3a9e1c2b7d45e60",
  gcp_project: "acme-ml-prod",
  gcp_region: "us-central1",
  gcp_subnetwork: "projects/acme-ml-prod/regions/us-central1/subnetworks/ml-private",
  gcp_zone: "us-central1-a",
  gpu_pools: {
    eval: { instance_type: "g5.12xlarge", node_count: 1, tags: { team: "ml-research" } },
    train: { instance_type: "p4d.24xlarge", node_count: 3, tags: { "cost-center": "cc-4521", team: "ml-research" } },
  },
  name_prefix: "acme-ml",
  private_subnet_ids: ["subnet-0f1e2d3c4b5a69788", "subnet-0a9b8c7d6e5f40312"],
  team: "ml-platform",
  vpc_id: "vpc-0a1b2c3d4e5f60718",
};
const P = vars.name_prefix;
const tags = { "cost-center": vars.cost_center, env: "prod", "managed-by": "terraform", team: vars.team };
const gcpLabels = { "cost-center": vars.cost_center, team: vars.team };
const VPC_CIDR = "10.40.0.0/16";

const policyJson = (o) => JSON.stringify(sortDeep(o)); // jsonencode(): compact, sorted keys

// ---- prior state: data sources read during plan + the instance this plan destroys ----
const dataCaller = {
  account_id: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/terraform-ci/ci-run-8812`,
  id: ACCOUNT,
  user_id: "AROAR7EXAMPLEQ2Z5KX4M:ci-run-8812",
};
const dataVpc = {
  arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${vars.vpc_id}`,
  cidr_block: VPC_CIDR,
  cidr_block_associations: [{ association_id: "vpc-cidr-assoc-0c1d2e3f4a5b6c7d8", cidr_block: VPC_CIDR, state: "associated" }],
  default: false,
  dhcp_options_id: "dopt-0123456789abcdef0",
  enable_dns_hostnames: true,
  enable_dns_support: true,
  enable_network_address_usage_metrics: false,
  filter: null,
  id: vars.vpc_id,
  instance_tenancy: "default",
  ipv6_association_id: "",
  ipv6_cidr_block: "",
  main_route_table_id: "rtb-0fedcba9876543210",
  owner_id: ACCOUNT,
  state: "available",
  tags: { Name: "acme-ml-prod" },
  timeouts: null,
};
const legacy = S.awsInstanceState({
  region: "us-east-1",
  account: ACCOUNT,
  id: "i-0a7f3c9e2b1d48f56",
  ami: "ami-0b5c1e8d4a2f97c31",
  instance_type: "p2.xlarge",
  availability_zone: "us-east-1a",
  cpu_core_count: 2,
  eni: "eni-07c3d9e1f2a4b5c68",
  private_ip: "10.40.12.37",
  subnet_id: vars.private_subnet_ids[0],
  vpc_security_group_ids: ["sg-0d1c2b3a4f5e6d7c8"],
  root_volume_id: "vol-0e4d5c6b7a8f90123",
  root_volume_size: 100,
  tags: { Name: "acme-ml-legacy-k80", team: "ml-research" },
});

const R = (type, name, extra = {}) => ({
  mode: "managed",
  type,
  name,
  provider: type.startsWith("google_") ? "google" : "aws",
  schema_version: S.SCHEMA_VERSION[type],
  ...extra,
});
const create = (r, after) => ({ ...r, actions: ["create"], after });

const rLegacy = R("aws_instance", "legacy_k80_trainer");
const priorState = buildState({
  terraform_version: TF,
  entries: [
    { r: rLegacy, value: legacy },
    { r: R("aws_caller_identity", "current", { mode: "data", schema_version: 0 }), value: dataCaller },
    { r: R("aws_vpc", "main", { mode: "data", schema_version: 0 }), value: dataVpc },
  ],
});

// ---- planned changes ----
const egressAll = S.sgRule({ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] });
const changes = [
  create(R("aws_kms_key", "data"), S.awsKmsKey({
    description: `${P} data lake, scratch volumes and metadata DB`,
    deletion_window_in_days: 30,
    enable_key_rotation: true,
    tags,
  })),
  create(R("aws_s3_bucket", "data_lake"), S.awsS3Bucket({ bucket: `${P}-data-lake`, tags })),
  create(R("aws_s3_bucket_server_side_encryption_configuration", "data_lake"), S.awsS3Sse({ sse_algorithm: "aws:kms", kms_master_key_id: U, bucket_key_enabled: true })),
  create(R("aws_s3_bucket", "raw_uploads"), S.awsS3Bucket({ bucket: `${P}-raw-uploads`, tags })),
  create(R("aws_ebs_volume", "scratch_encrypted"), S.awsEbsVolume({
    availability_zone: vars.availability_zone, size: 500, type: "gp3", encrypted: true, kms_key_id: U,
    tags: { ...tags, Name: `${P}-scratch-a` },
  })),
  create(R("aws_ebs_volume", "scratch_legacy"), S.awsEbsVolume({
    availability_zone: vars.availability_zone, size: 200, type: "gp3", encrypted: false,
    tags: { ...tags, Name: `${P}-scratch-b` },
  })),
  create(R("aws_security_group", "training_ssh"), S.awsSecurityGroup({
    name: `${P}-training-ssh`, description: "SSH to GPU training nodes", vpc_id: vars.vpc_id, tags,
    ingress: [S.sgRule({ description: "SSH", from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] })],
    egress: [egressAll],
  })),
  create(R("aws_security_group", "inference_https"), S.awsSecurityGroup({
    name: `${P}-inference-https`, description: "HTTPS to inference endpoints from the VPC", vpc_id: vars.vpc_id, tags,
    ingress: [S.sgRule({ description: "HTTPS from the VPC", from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: [VPC_CIDR] })],
    egress: [egressAll],
  })),
  create(R("aws_iam_role", "notebook"), S.awsIamRole({
    name: `${P}-notebook`,
    assume_role_policy: policyJson({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
    tags,
  })),
  create(R("aws_iam_policy", "notebook_data_access"), S.awsIamPolicy({
    name: `${P}-notebook-data-access`,
    description: "Data lake access for research notebooks",
    policy: policyJson({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DataLake", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
          Resource: [`arn:aws:s3:::${P}-data-lake`, `arn:aws:s3:::${P}-data-lake/*`],
        },
        { Sid: "PassTrainingRole", Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${ACCOUNT}:role/${P}-sagemaker-training` },
      ],
    }),
    tags,
  })),
  create(R("aws_iam_role_policy_attachment", "notebook_data_access"), S.awsIamRolePolicyAttachment({ role: `${P}-notebook` })),
  create(R("aws_iam_policy", "pipeline_admin"), S.awsIamPolicy({
    name: `${P}-pipeline-admin`,
    description: "TODO: scope down before GA",
    policy: policyJson({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
    tags,
  })),
  create(R("aws_db_instance", "metadata"), S.awsDbInstance({
    identifier: `${P}-mlflow`, engine: "postgres", engine_version: "16.4", instance_class: "db.t4g.medium",
    allocated_storage: 50, db_name: "mlflow", username: "mlflow", password: vars.db_password,
    storage_encrypted: true, kms_key_id: U, publicly_accessible: true, backup_retention_period: 7,
    final_snapshot_identifier: `${P}-mlflow-final`, tags,
  })),
  create(R("aws_sagemaker_notebook_instance", "research"), S.awsSageMakerNotebook({
    name: `${P}-research`, instance_type: "ml.g5.xlarge", direct_internet_access: "Enabled", volume_size: 100, tags,
  })),
  create(R("google_compute_instance", "inference_l4"), S.googleComputeInstance({
    name: `${P}-inference-l4`, machine_type: "g2-standard-8", zone: vars.gcp_zone, project: vars.gcp_project,
    labels: gcpLabels,
    image: "projects/deeplearning-platform-release/global/images/family/common-cu123-debian-11-py310", boot_disk_size: 200,
    subnetwork: vars.gcp_subnetwork, on_host_maintenance: "TERMINATE", automatic_restart: true,
  })),
  create(R("google_compute_instance", "batch_t4"), S.googleComputeInstance({
    name: `${P}-batch-t4`, machine_type: "n1-standard-8", zone: vars.gcp_zone, project: vars.gcp_project,
    guest_accelerator: [{ count: 1, type: "nvidia-tesla-t4" }],
    image: "projects/deeplearning-platform-release/global/images/family/common-cu123-debian-11-py310", boot_disk_size: 100,
    subnetwork: vars.gcp_subnetwork, on_host_maintenance: "TERMINATE",
  })),
  create(R("google_storage_bucket", "model_artifacts"), S.googleStorageBucket({
    name: `${P}-model-artifacts`, location: "US-CENTRAL1", project: vars.gcp_project, uniform_bucket_level_access: true, labels: gcpLabels,
  })),
  create(R("google_storage_bucket_iam_member", "model_artifacts_public"), S.googleStorageBucketIamMember({
    bucket: `${P}-model-artifacts`, role: "roles/storage.objectViewer", member: "allUsers",
  })),
  { ...rLegacy, actions: ["delete"], before: legacy, after: null, action_reason: "delete_because_no_resource_config" },
];

for (const [pool, spec] of Object.entries(vars.gpu_pools)) {
  for (let i = 0; i < spec.node_count; i++) {
    changes.push(create(R("aws_instance", "node", { module: `module.gpu_pool["${pool}"]`, index: i }), S.awsInstance({
      ami: vars.dlami_id,
      instance_type: spec.instance_type,
      subnet_id: vars.private_subnet_ids[0],
      vpc_security_group_ids: undefined, // [aws_security_group.training_ssh.id]: unknown until apply
      root_block_device: { encrypted: true, volume_size: 200, volume_type: "gp3" },
      http_tokens: "required",
      tags: { pool, ...spec.tags, Name: `${P}-${pool}-${i}` },
    })));
  }
}

// ---- configuration ----
const sgBlock = (a) => ({
  cidr_blocks: a.cidr_blocks ?? null, description: a.description ?? null, from_port: a.from_port,
  ipv6_cidr_blocks: null, prefix_list_ids: null, protocol: a.protocol, security_groups: null, self: null, to_port: a.to_port,
});
const egressConfig = c([sgBlock({ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] })]);
const aws = (type, name, expressions, extra = {}) =>
  configResource({ type, name, provider_config_key: "aws", expressions, schema_version: S.SCHEMA_VERSION[type], ...extra });
const google = (type, name, expressions) =>
  configResource({ type, name, provider_config_key: "google", expressions, schema_version: S.SCHEMA_VERSION[type] });
const IMAGE = "projects/deeplearning-platform-release/global/images/family/common-cu123-debian-11-py310";

const rootResources = sortConfigResources([
  aws("aws_kms_key", "data", {
    deletion_window_in_days: c(30), description: ref("var.name_prefix"), enable_key_rotation: c(true), tags: ref("local.tags"),
  }),
  aws("aws_s3_bucket", "data_lake", { bucket: ref("var.name_prefix"), tags: ref("local.tags") }),
  aws("aws_s3_bucket_server_side_encryption_configuration", "data_lake", {
    bucket: ref(...attr("aws_s3_bucket.data_lake", "id")),
    rule: [{
      apply_server_side_encryption_by_default: [{ kms_master_key_id: ref(...attr("aws_kms_key.data", "arn")), sse_algorithm: c("aws:kms") }],
      bucket_key_enabled: c(true),
    }],
  }),
  aws("aws_s3_bucket", "raw_uploads", { bucket: ref("var.name_prefix"), tags: ref("local.tags") }),
  aws("aws_ebs_volume", "scratch_encrypted", {
    availability_zone: ref("var.availability_zone"), encrypted: c(true), kms_key_id: ref(...attr("aws_kms_key.data", "arn")),
    size: c(500), tags: ref("local.tags", "var.name_prefix"), type: c("gp3"),
  }),
  aws("aws_ebs_volume", "scratch_legacy", {
    availability_zone: ref("var.availability_zone"), encrypted: c(false), size: c(200),
    tags: ref("local.tags", "var.name_prefix"), type: c("gp3"),
  }),
  aws("aws_security_group", "training_ssh", {
    description: c("SSH to GPU training nodes"),
    egress: egressConfig,
    ingress: c([sgBlock({ description: "SSH", from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] })]),
    name: ref("var.name_prefix"), tags: ref("local.tags"), vpc_id: ref("var.vpc_id"),
  }),
  aws("aws_security_group", "inference_https", {
    description: c("HTTPS to inference endpoints from the VPC"),
    egress: egressConfig,
    ingress: ref(...attr("data.aws_vpc.main", "cidr_block")),
    name: ref("var.name_prefix"), tags: ref("local.tags"), vpc_id: ref("var.vpc_id"),
  }),
  aws("aws_iam_role", "notebook", { assume_role_policy: {}, name: ref("var.name_prefix"), tags: ref("local.tags") }),
  aws("aws_iam_policy", "notebook_data_access", {
    description: c("Data lake access for research notebooks"),
    name: ref("var.name_prefix"),
    policy: ref(
      ...attr("aws_s3_bucket.data_lake", "bucket"),
      ...attr("aws_s3_bucket.data_lake", "bucket"),
      ...attr("data.aws_caller_identity.current", "account_id"),
      "var.name_prefix",
    ),
    tags: ref("local.tags"),
  }),
  aws("aws_iam_role_policy_attachment", "notebook_data_access", {
    policy_arn: ref(...attr("aws_iam_policy.notebook_data_access", "arn")),
    role: ref(...attr("aws_iam_role.notebook", "name")),
  }),
  aws("aws_iam_policy", "pipeline_admin", {
    description: c("TODO: scope down before GA"), name: ref("var.name_prefix"), policy: {}, tags: ref("local.tags"),
  }),
  aws("aws_db_instance", "metadata", {
    allocated_storage: c(50), backup_retention_period: c(7), db_name: c("mlflow"), engine: c("postgres"),
    engine_version: c("16.4"), final_snapshot_identifier: ref("var.name_prefix"), identifier: ref("var.name_prefix"),
    instance_class: c("db.t4g.medium"), kms_key_id: ref(...attr("aws_kms_key.data", "arn")), password: ref("var.db_password"),
    publicly_accessible: c(true), storage_encrypted: c(true), tags: ref("local.tags"), username: c("mlflow"),
  }),
  aws("aws_sagemaker_notebook_instance", "research", {
    direct_internet_access: c("Enabled"), instance_type: c("ml.g5.xlarge"), name: ref("var.name_prefix"),
    role_arn: ref(...attr("aws_iam_role.notebook", "arn")), tags: ref("local.tags"), volume_size: c(100),
  }),
  google("google_compute_instance", "inference_l4", {
    boot_disk: [{ initialize_params: [{ image: c(IMAGE), size: c(200) }] }],
    labels: ref("local.gcp_labels"),
    machine_type: c("g2-standard-8"),
    name: ref("var.name_prefix"),
    network_interface: [{ subnetwork: ref("var.gcp_subnetwork") }],
    scheduling: [{ automatic_restart: c(true), on_host_maintenance: c("TERMINATE") }],
    zone: ref("var.gcp_zone"),
  }),
  google("google_compute_instance", "batch_t4", {
    boot_disk: [{ initialize_params: [{ image: c(IMAGE), size: c(100) }] }],
    guest_accelerator: c([{ count: 1, type: "nvidia-tesla-t4" }]),
    machine_type: c("n1-standard-8"),
    name: ref("var.name_prefix"),
    network_interface: [{ subnetwork: ref("var.gcp_subnetwork") }],
    scheduling: [{ on_host_maintenance: c("TERMINATE") }],
    zone: ref("var.gcp_zone"),
  }),
  google("google_storage_bucket", "model_artifacts", {
    labels: ref("local.gcp_labels"), location: c("US-CENTRAL1"), name: ref("var.name_prefix"), uniform_bucket_level_access: c(true),
  }),
  google("google_storage_bucket_iam_member", "model_artifacts_public", {
    bucket: ref(...attr("google_storage_bucket.model_artifacts", "name")), member: c("allUsers"), role: c("roles/storage.objectViewer"),
  }),
  configResource({ mode: "data", type: "aws_caller_identity", name: "current", provider_config_key: "aws", schema_version: 0 }),
  configResource({ mode: "data", type: "aws_vpc", name: "main", provider_config_key: "aws", expressions: { id: ref("var.vpc_id") }, schema_version: 0 }),
]);

const gpuPoolModule = {
  outputs: { instance_ids: { expression: ref("aws_instance.node") } },
  resources: [
    aws("aws_instance", "node", {
      ami: ref("var.ami_id"),
      instance_type: ref("var.instance_type"),
      metadata_options: [{ http_tokens: c("required") }],
      root_block_device: [{ encrypted: c(true), volume_size: ref("var.root_volume_gb"), volume_type: c("gp3") }],
      subnet_id: ref("var.subnet_id"),
      tags: ref("var.tags", "var.name", "count.index"),
      vpc_security_group_ids: ref("var.security_group_ids"),
    }, { count_expression: ref("var.node_count") }),
  ],
  variables: {
    ami_id: {},
    instance_type: {},
    name: { description: "Pool name; nodes are called <name>-<index>." },
    node_count: { default: 1 },
    root_volume_gb: { default: 200 },
    security_group_ids: { default: [] },
    subnet_id: {},
    tags: { default: {}, description: "Tags for every node; GPU quota policy requires team and cost-center." },
  },
};

const configuration = {
  provider_config: {
    aws: {
      name: "aws",
      full_name: "registry.terraform.io/hashicorp/aws",
      version_constraint: "~> 5.70",
      expressions: { region: ref("var.aws_region") },
    },
    google: {
      name: "google",
      full_name: "registry.terraform.io/hashicorp/google",
      version_constraint: "~> 6.10",
      expressions: { project: ref("var.gcp_project"), region: ref("var.gcp_region") },
    },
  },
  root_module: {
    outputs: {
      data_lake_bucket: { expression: ref(...attr("aws_s3_bucket.data_lake", "bucket")) },
      gpu_pool_instance_ids: { expression: ref("module.gpu_pool") },
      mlflow_db_connection: {
        sensitive: true,
        expression: ref(
          ...attr("aws_db_instance.metadata", "username"),
          "var.db_password",
          ...attr("aws_db_instance.metadata", "address"),
        ),
      },
    },
    resources: rootResources,
    module_calls: {
      gpu_pool: {
        source: "./modules/gpu-pool",
        expressions: sortDeep({
          ami_id: ref("var.dlami_id"),
          instance_type: ref("each.value.instance_type", "each.value"),
          name: ref("var.name_prefix", "each.key"),
          node_count: ref("each.value.node_count", "each.value"),
          security_group_ids: ref(...attr("aws_security_group.training_ssh", "id")),
          subnet_id: ref("var.private_subnet_ids[0]", "var.private_subnet_ids"),
          tags: ref("each.key", "each.value.tags", "each.value"),
        }),
        for_each_expression: ref("var.gpu_pools"),
        module: gpuPoolModule,
      },
    },
    variables: {
      aws_region: { default: "us-east-1" },
      availability_zone: { default: "us-east-1a" },
      cost_center: { default: "cc-4521" },
      db_password: { description: "Master password of the MLflow metadata database (set TF_VAR_db_password).", sensitive: true },
      dlami_id: { description: "Deep Learning AMI (NVIDIA driver) for the GPU pools." },
      gcp_project: { default: "acme-ml-prod" },
      gcp_region: { default: "us-central1" },
      gcp_subnetwork: { default: "projects/acme-ml-prod/regions/us-central1/subnetworks/ml-private" },
      gcp_zone: { default: "us-central1-a" },
      gpu_pools: { description: "Training and evaluation GPU pools, one module instance each." },
      name_prefix: { default: "acme-ml", description: "Prefix for every resource name." },
      private_subnet_ids: {},
      team: { default: "ml-platform" },
      vpc_id: { description: "VPC that the training fleet and the metadata database live in." },
    },
  },
};

const instanceIds = {};
for (const [pool, spec] of Object.entries(vars.gpu_pools)) instanceIds[pool] = Array.from({ length: spec.node_count }, () => U);

const plan = buildPlan({
  terraform_version: TF,
  variables: vars,
  changes,
  outputs: {
    data_lake_bucket: { value: `${P}-data-lake` },
    gpu_pool_instance_ids: { value: instanceIds },
    mlflow_db_connection: { value: U, sensitive: true },
  },
  prior_state: priorState,
  configuration,
  timestamp: "2026-11-26T18:42:07Z",
});

const out = join(here, "..", "plan.json");
writeFileSync(out, goJson(plan));
console.log(`wrote ${out}: ${plan.resource_changes.length} resource changes`);
