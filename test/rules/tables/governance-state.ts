import type { RootBackend } from "../../../src/governance/backend.js";
import { gitModuleWithoutPinnedRef } from "../../../src/rules/governance/any/git-module-without-pinned-ref.js";
import { gpuWithoutGovernanceTags } from "../../../src/rules/governance/any/gpu-without-governance-tags.js";
import { localState } from "../../../src/rules/governance/any/local-state.js";
import { providerLowerBoundOnly } from "../../../src/rules/governance/any/provider-lower-bound-only.js";
import { providerWithoutVersion } from "../../../src/rules/governance/any/provider-without-version.js";
import { registryModuleWithoutVersion } from "../../../src/rules/governance/any/registry-module-without-version.js";
import { sharedBackend } from "../../../src/rules/governance/any/shared-backend.js";
import { unapprovedModuleSource } from "../../../src/rules/governance/any/unapproved-module-source.js";
import { batchJobImage } from "../../../src/rules/governance/aws/batch-job-image.js";
import { ecsTaskImage } from "../../../src/rules/governance/aws/ecs-task-image.js";
import { lambdaImage } from "../../../src/rules/governance/aws/lambda-image.js";
import { s3BackendUnencrypted } from "../../../src/rules/governance/aws/s3-backend-unencrypted.js";
import { s3BackendUnlocked } from "../../../src/rules/governance/aws/s3-backend-unlocked.js";
import { sageMakerModelImage } from "../../../src/rules/governance/aws/sagemaker-model-image.js";
import { s3StatePublicAccess } from "../../../src/rules/governance/aws/state-bucket-public-access.js";
import { s3StateBucketVersioning } from "../../../src/rules/governance/aws/state-bucket-versioning.js";
import { azureContainerImage } from "../../../src/rules/governance/azure/container-image.js";
import { cloudRunImage } from "../../../src/rules/governance/gcp/cloud-run-image.js";
import { gcsStateBucketVersioning } from "../../../src/rules/governance/gcp/state-bucket-versioning.js";
import { kubernetesImage } from "../../../src/rules/governance/kubernetes/workload-image.js";
import type { InlineConfiguration } from "../inline-plan.js";
import type { RuleTable } from "../rule-tester.js";
import { ENVIRONMENTS } from "./governance-environments.js";

/** The governance rules about reproducibility (versions, module sources, images), GPU ownership tags, and where state is kept. */

const PINNED = "ml/trainer@sha256:" + "a".repeat(64);
/** A provider whose region comes from a variable: something unknown, which version constraints do not depend on. */
const awsProvider = (version_constraint?: string): InlineConfiguration["providers"] => ({
  aws: {
    expressions: { region: { references: ["var.region"] } },
    ...(version_constraint !== undefined ? { version_constraint } : {}),
  },
});
/** A module call; its input `name` comes from a variable. */
const call = (source: string, version_constraint?: string) => ({
  source,
  ...(version_constraint !== undefined ? { version_constraint } : {}),
  expressions: { name: { references: ["var.name"] } },
  module: { resources: [] },
});
/** An s3 backend block in main.tf, line 3: `settings` are its constant settings, `alsoWritten` those set by an expression. */
const s3 = (settings: Record<string, string | boolean>, alsoWritten: string[] = []): RootBackend => ({
  kind: "backend",
  type: "s3",
  file: "/repo/main.tf",
  line: 3,
  settings,
  written: new Set([...Object.keys(settings), ...alsoWritten]),
});
const COMPLETE = {
  bucket: "acme-tfstate-dev",
  key: "ml.tfstate",
  region: "us-east-1",
  encrypt: true,
  use_lockfile: true,
};
const PARTIAL = s3({ use_lockfile: true, encrypt: true });

export const stateTables: RuleTable[] = [
  {
    rule: providerWithoutVersion,
    valid: [{ name: "a constrained provider", resources: [], providers: awsProvider("~> 5.70") }],
    invalid: [
      {
        name: "no version constraint",
        resources: [],
        providers: awsProvider(),
        errors: [
          {
            message: 'Provider "aws" (registry.terraform.io/hashicorp/aws) has no version constraint.',
            attribute: 'provider["aws"].version_constraint',
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the region from a variable",
        resources: [],
        providers: awsProvider("~> 5.70"),
        undecided: [],
        silentBecause: "never: version constraints are literals",
      },
    ],
  },
  {
    rule: providerLowerBoundOnly,
    valid: [{ name: "a range with an upper bound", resources: [], providers: awsProvider(">= 5.70, < 6.0") }],
    invalid: [
      {
        name: "a lower bound only",
        resources: [],
        providers: awsProvider(">= 4.0"),
        errors: [
          {
            message: 'Provider "aws" is constrained by ">= 4.0" only: any future major release matches.',
            attribute: 'provider["aws"].version_constraint',
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the region from a variable",
        resources: [],
        providers: awsProvider("~> 5.70"),
        undecided: [],
        silentBecause: "never: version constraints are literals",
      },
    ],
  },
  {
    rule: registryModuleWithoutVersion,
    valid: [
      {
        name: "a registry module with ~>, and a local one",
        resources: [],
        moduleCalls: { vpc: call("terraform-aws-modules/vpc/aws", "~> 5.16"), pool: call("./modules/gpu-pool") },
      },
    ],
    invalid: [
      {
        name: "no version, and a lower bound only",
        resources: [],
        moduleCalls: {
          vpc: call("terraform-aws-modules/vpc/aws"),
          eks: call("terraform-aws-modules/eks/aws", ">= 20.0"),
        },
        errors: [
          {
            message: "module.vpc uses terraform-aws-modules/vpc/aws without a version.",
            attribute: "module.vpc.version",
          },
          {
            message:
              'module.eks uses terraform-aws-modules/eks/aws with ">= 20.0" only: any future major release matches.',
            attribute: "module.eks.version",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a module input from a variable",
        resources: [],
        moduleCalls: { vpc: call("terraform-aws-modules/vpc/aws", "~> 5.16") },
        undecided: [],
        silentBecause: "never: module sources and versions are literals",
      },
    ],
  },
  {
    rule: gitModuleWithoutPinnedRef,
    valid: [
      {
        name: "a release tag and a full commit id",
        resources: [],
        moduleCalls: {
          features: call("git::https://github.com/acme/tf-features.git?ref=v1.4.2"),
          serving: call(`git::https://github.com/acme/tf-serving.git?ref=${"3f2c1a9b".repeat(5)}`),
        },
      },
    ],
    invalid: [
      {
        name: "a branch, and no ref at all",
        resources: [],
        moduleCalls: {
          features: call("git::https://github.com/acme/tf-features.git?ref=main"),
          serving: call("github.com/acme/tf-serving"),
        },
        errors: [
          {
            message: 'module.features pins ref "main", which is neither a release tag nor a full commit id.',
            attribute: "module.features.source",
          },
          {
            message: "module.serving uses a git source without ?ref=: it follows the default branch.",
            attribute: "module.serving.source",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a module input from a variable",
        resources: [],
        moduleCalls: { features: call("git::https://github.com/acme/tf-features.git?ref=v1.4.2") },
        undecided: [],
        silentBecause: "never: module sources are literals",
      },
    ],
  },
  {
    rule: unapprovedModuleSource,
    config: { governance: { allowed_module_sources: ["terraform-aws-modules/", "git::https://github.com/acme/"] } },
    valid: [
      {
        name: "approved prefixes and a local module",
        resources: [],
        moduleCalls: { vpc: call("terraform-aws-modules/vpc/aws", "~> 5.16"), pool: call("./modules/gpu-pool") },
      },
      {
        name: "no allow-list configured",
        config: {},
        resources: [],
        moduleCalls: { bucket: call("someone/s3-bucket/aws", "1.0.0") },
      },
    ],
    invalid: [
      {
        name: "a registry module from someone else",
        resources: [],
        moduleCalls: { bucket: call("someone/s3-bucket/aws", "1.0.0") },
        errors: [
          {
            message: "module.bucket comes from someone/s3-bucket/aws, which is not an approved module source.",
            attribute: "module.bucket.source",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a module input from a variable",
        resources: [],
        moduleCalls: { vpc: call("terraform-aws-modules/vpc/aws", "~> 5.16") },
        undecided: [],
        silentBecause: "never: module sources are literals",
      },
    ],
  },
  {
    rule: sageMakerModelImage,
    valid: [
      {
        name: "an image by digest",
        resources: [
          {
            address: "aws_sagemaker_model.m",
            values: { name: "m", primary_container: [{ image: `1.dkr.ecr.us-east-1.amazonaws.com/${PINNED}` }] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an image by :latest",
        resources: [
          {
            address: "aws_sagemaker_model.m",
            values: { name: "m", primary_container: [{ image: "1.dkr.ecr.us-east-1.amazonaws.com/ml/serve:latest" }] },
          },
        ],
        errors: [
          {
            message:
              "aws_sagemaker_model.m runs image 1.dkr.ecr.us-east-1.amazonaws.com/ml/serve:latest, which uses the tag :latest.",
            attribute: "primary_container.0.image",
          },
        ],
      },
      {
        name: "a fixed tag where prod requires digests",
        config: { ...ENVIRONMENTS, environment: "prod" },
        resources: [
          { address: "aws_sagemaker_model.m", values: { name: "m", primary_container: [{ image: "ml/serve:1.2" }] } },
        ],
        errors: [
          {
            message:
              "runs image ml/serve:1.2, which uses the tag :1.2 without an @sha256: digest, which this environment requires.",
            attribute: "primary_container.0.image",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the image from a repository created in the same plan",
        resources: [
          {
            address: "aws_sagemaker_model.m",
            values: { name: "m", primary_container: [{}] },
            unknown: { primary_container: [{ image: true }] },
            refs: {
              "primary_container.image": ["aws_ecr_repository.serve.repository_url", "aws_ecr_repository.serve"],
            },
          },
        ],
        undecided: [
          {
            message: "The image in primary_container.0.image is known only after apply.",
            attribute: "primary_container.0.image",
          },
        ],
      },
    ],
  },
  {
    rule: ecsTaskImage,
    valid: [
      {
        name: "a pinned image",
        resources: [
          {
            address: "aws_ecs_task_definition.t",
            values: { family: "t", container_definitions: JSON.stringify([{ name: "app", image: PINNED }]) },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an untagged image",
        resources: [
          {
            address: "aws_ecs_task_definition.t",
            values: { family: "t", container_definitions: JSON.stringify([{ name: "app", image: "ml/trainer" }]) },
          },
        ],
        errors: [
          {
            message: "aws_ecs_task_definition.t runs image ml/trainer, which has no tag (it means :latest).",
            attribute: "container_definitions",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the container definitions rendered from a template",
        resources: [
          {
            address: "aws_ecs_task_definition.t",
            values: { family: "t" },
            unknown: { container_definitions: true },
            refs: { container_definitions: ["local.containers"] },
          },
        ],
        undecided: [
          {
            message: "The container images in container_definitions are known only after apply.",
            attribute: "container_definitions",
          },
        ],
      },
    ],
  },
  {
    rule: batchJobImage,
    valid: [
      {
        name: "a pinned image",
        resources: [
          {
            address: "aws_batch_job_definition.j",
            values: { name: "j", type: "container", container_properties: JSON.stringify({ image: PINNED }) },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an image by :latest",
        resources: [
          {
            address: "aws_batch_job_definition.j",
            values: { name: "j", type: "container", container_properties: JSON.stringify({ image: "ml/prep:latest" }) },
          },
        ],
        errors: [
          {
            message: "aws_batch_job_definition.j runs image ml/prep:latest, which uses the tag :latest.",
            attribute: "container_properties",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the container properties from a variable",
        resources: [
          {
            address: "aws_batch_job_definition.j",
            values: { name: "j", type: "container" },
            unknown: { container_properties: true },
            refs: { container_properties: ["var.props"] },
          },
        ],
        undecided: [
          {
            message: "The container images in container_properties are known only after apply.",
            attribute: "container_properties",
          },
        ],
      },
    ],
  },
  {
    rule: lambdaImage,
    valid: [
      {
        name: "a pinned image",
        resources: [
          {
            address: "aws_lambda_function.f",
            values: { function_name: "f", package_type: "Image", image_uri: PINNED },
          },
        ],
      },
      {
        name: "a zip package (no image)",
        resources: [
          {
            address: "aws_lambda_function.f",
            values: { function_name: "f", runtime: "python3.12", filename: "f.zip" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an image by :latest",
        resources: [
          {
            address: "aws_lambda_function.f",
            values: {
              function_name: "f",
              package_type: "Image",
              image_uri: "1.dkr.ecr.us-east-1.amazonaws.com/f:latest",
            },
          },
        ],
        errors: [
          {
            message:
              "aws_lambda_function.f runs image 1.dkr.ecr.us-east-1.amazonaws.com/f:latest, which uses the tag :latest.",
            attribute: "image_uri",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the image URI from a repository created in the same plan",
        resources: [
          {
            address: "aws_lambda_function.f",
            values: { function_name: "f", package_type: "Image" },
            unknown: { image_uri: true },
            refs: { image_uri: ["aws_ecr_repository.f.repository_url", "aws_ecr_repository.f"] },
          },
        ],
        undecided: [{ message: "The image in image_uri is known only after apply.", attribute: "image_uri" }],
      },
    ],
  },
  {
    rule: cloudRunImage,
    valid: [
      {
        name: "a pinned image",
        resources: [
          {
            address: "google_cloud_run_v2_service.s",
            values: { name: "s", template: [{ containers: [{ image: PINNED }] }] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an image by :latest",
        resources: [
          {
            address: "google_cloud_run_v2_service.s",
            values: { name: "s", template: [{ containers: [{ image: "gcr.io/ml/serve:latest" }] }] },
          },
        ],
        errors: [
          {
            message: "google_cloud_run_v2_service.s runs image gcr.io/ml/serve:latest, which uses the tag :latest.",
            attribute: "template.0.containers.0.image",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the image from a variable",
        resources: [
          {
            address: "google_cloud_run_v2_service.s",
            values: { name: "s", template: [{ containers: [{}] }] },
            unknown: { template: [{ containers: [{ image: true }] }] },
            refs: { "template.containers.image": ["var.image"] },
          },
        ],
        undecided: [
          {
            message: "The image in template.0.containers.0.image is known only after apply.",
            attribute: "template.0.containers.0.image",
          },
        ],
      },
    ],
  },
  {
    rule: azureContainerImage,
    valid: [
      {
        name: "a pinned image",
        resources: [
          { address: "azurerm_container_group.g", values: { name: "g", container: [{ name: "app", image: PINNED }] } },
        ],
      },
    ],
    invalid: [
      {
        name: "an untagged image",
        resources: [
          {
            address: "azurerm_container_group.g",
            values: { name: "g", container: [{ name: "app", image: "acme.azurecr.io/ml/app" }] },
          },
        ],
        errors: [
          {
            message:
              "azurerm_container_group.g runs image acme.azurecr.io/ml/app, which has no tag (it means :latest).",
            attribute: "container.0.image",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the image from a variable",
        resources: [
          {
            address: "azurerm_container_group.g",
            values: { name: "g", container: [{ name: "app" }] },
            unknown: { container: [{ image: true }] },
            refs: { "container.image": ["var.image"] },
          },
        ],
        undecided: [
          { message: "The image in container.0.image is known only after apply.", attribute: "container.0.image" },
        ],
      },
    ],
  },
  {
    rule: kubernetesImage,
    valid: [
      {
        name: "a pinned image in a deployment",
        resources: [
          {
            address: "kubernetes_deployment.d",
            values: {
              metadata: [{ name: "d" }],
              spec: [{ template: [{ spec: [{ container: [{ name: "app", image: PINNED }] }] }] }],
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an init container by :latest in a pod",
        resources: [
          {
            address: "kubernetes_pod.p",
            values: {
              metadata: [{ name: "p" }],
              spec: [
                {
                  init_container: [{ name: "fetch", image: "busybox:latest" }],
                  container: [{ name: "app", image: PINNED }],
                },
              ],
            },
          },
        ],
        errors: [
          {
            message: "kubernetes_pod.p runs image busybox:latest, which uses the tag :latest.",
            attribute: "spec.0.init_container.0.image",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the image from a variable",
        resources: [
          {
            address: "kubernetes_pod.p",
            values: { metadata: [{ name: "p" }], spec: [{ container: [{ name: "app" }] }] },
            unknown: { spec: [{ container: [{ image: true }] }] },
            refs: { "spec.container.image": ["var.image"] },
          },
        ],
        undecided: [
          {
            message: "The image in spec.0.container.0.image is known only after apply.",
            attribute: "spec.0.container.0.image",
          },
        ],
      },
    ],
  },
  {
    rule: gpuWithoutGovernanceTags,
    config: { governance: { require_tags: { gpu: ["owner", "expires"] } } },
    valid: [
      {
        name: "owner and expiry tags",
        resources: [
          {
            address: "aws_instance.t",
            values: { ami: "ami-1", instance_type: "p4d.24xlarge", tags: { owner: "ana", expires: "2027-01-31" } },
          },
        ],
      },
      {
        name: "a CPU instance without them",
        resources: [{ address: "aws_instance.t", values: { ami: "ami-1", instance_type: "m5.large", tags: {} } }],
      },
    ],
    invalid: [
      {
        name: "no expiry tag",
        resources: [
          {
            address: "aws_instance.t",
            values: { ami: "ami-1", instance_type: "p4d.24xlarge", tags: { owner: "ana" }, tags_all: { owner: "ana" } },
          },
        ],
        errors: [{ message: "aws_instance.t carries GPUs but lacks the governance tag expires.", attribute: "tags" }],
      },
    ],
    undecided: [
      {
        name: "tags from a variable",
        resources: [
          {
            address: "aws_instance.t",
            values: { ami: "ami-1", instance_type: "p4d.24xlarge" },
            unknown: { tags: true, tags_all: true },
            refs: { tags: ["var.tags"] },
          },
        ],
        undecided: [{ message: "Tags owner, expires may come from values known only after apply.", attribute: "tags" }],
      },
    ],
  },
  {
    rule: localState,
    config: ENVIRONMENTS,
    valid: [
      { name: "a complete s3 backend", resources: [], backend: s3(COMPLETE) },
      { name: "HCP Terraform", resources: [], backend: { kind: "cloud", file: "/repo/main.tf", line: 1 } },
      {
        name: "no backend, and no environments declared (an example or experiment)",
        config: {},
        resources: [],
        backend: { kind: "none", dir: "/repo" },
      },
    ],
    invalid: [
      {
        name: "no backend in a configuration with environments",
        resources: [],
        backend: { kind: "none", dir: "/repo" },
        errors: [
          {
            message: "The root module declares no backend: state is a local terraform.tfstate file.",
            attribute: "terraform.backend",
          },
        ],
      },
      {
        name: 'backend "local"',
        resources: [],
        backend: { kind: "backend", type: "local", file: "/repo/main.tf", line: 3, settings: {}, written: new Set() },
        errors: [
          {
            message: 'The root module uses backend "local" (main.tf:3): state is a file on the runner.',
            attribute: "terraform.backend.local",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "an s3 backend completed at init",
        resources: [],
        backend: PARTIAL,
        undecided: [],
        silentBecause: "never: whether a backend is declared is read from the .tf files",
      },
    ],
  },
  {
    rule: s3BackendUnencrypted,
    valid: [{ name: "encrypt = true", resources: [], backend: s3(COMPLETE) }],
    invalid: [
      {
        name: "no encrypt",
        resources: [],
        backend: s3({ bucket: "acme-tfstate-dev", key: "ml.tfstate", use_lockfile: true }),
        errors: [
          {
            message: "The S3 backend (main.tf:3) does not set encrypt = true.",
            attribute: "terraform.backend.s3.encrypt",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "encrypt from a variable",
        resources: [],
        backend: s3({ bucket: "acme-tfstate-dev" }, ["encrypt"]),
        undecided: [
          {
            message: "The S3 backend's encrypt (main.tf:3) is not a constant.",
            attribute: "terraform.backend.s3.encrypt",
          },
        ],
      },
      {
        name: "a partial backend completed at init",
        resources: [],
        backend: s3({ use_lockfile: true }),
        undecided: [
          {
            message: "The S3 backend (main.tf:3) is completed at init; whether it sets encrypt is not known here.",
            attribute: "terraform.backend.s3.encrypt",
          },
        ],
      },
    ],
  },
  {
    rule: s3BackendUnlocked,
    valid: [
      { name: "use_lockfile = true", resources: [], backend: s3(COMPLETE) },
      {
        name: "a DynamoDB lock table",
        resources: [],
        backend: s3({ bucket: "acme-tfstate-dev", encrypt: true, dynamodb_table: "locks" }),
      },
    ],
    invalid: [
      {
        name: "no locking",
        resources: [],
        backend: s3({ bucket: "acme-tfstate-dev", key: "ml.tfstate", encrypt: true }),
        errors: [
          {
            message: "The S3 backend (main.tf:3) has no state locking (use_lockfile or dynamodb_table).",
            attribute: "terraform.backend.s3.use_lockfile",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a partial backend completed at init",
        resources: [],
        backend: s3({ encrypt: true }),
        undecided: [
          {
            message: "The S3 backend (main.tf:3) is completed at init; whether it locks state is not known here.",
            attribute: "terraform.backend.s3.use_lockfile",
          },
        ],
      },
    ],
  },
  {
    rule: sharedBackend,
    config: ENVIRONMENTS,
    valid: [{ name: "dev's own bucket", resources: [], backend: s3(COMPLETE) }],
    invalid: [
      {
        name: "prod's state bucket",
        resources: [],
        backend: s3({ ...COMPLETE, bucket: "acme-tfstate-prod" }),
        errors: [
          {
            message:
              "The s3 backend (main.tf:3) of this dev configuration keeps state in acme-tfstate-prod, prod's state bucket.",
            attribute: "terraform.backend.s3.bucket",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the bucket given at init",
        resources: [],
        backend: s3({ key: "ml.tfstate", encrypt: true, use_lockfile: true }),
        undecided: [
          {
            message:
              "The s3 backend's bucket (main.tf:3) is set at init or computed: which environment's bucket it is is not known here.",
            attribute: "terraform.backend.s3.bucket",
          },
        ],
      },
    ],
  },
  {
    rule: s3StateBucketVersioning,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "versioning enabled by a companion resource",
        resources: [
          { address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } },
          {
            address: "aws_s3_bucket_versioning.state",
            values: { bucket: "acme-tfstate-dev", versioning_configuration: [{ status: "Enabled" }] },
            refs: { bucket: ["aws_s3_bucket.state.id", "aws_s3_bucket.state"] },
          },
        ],
      },
      { name: "not a state bucket", resources: [{ address: "aws_s3_bucket.logs", values: { bucket: "acme-logs" } }] },
    ],
    invalid: [
      {
        name: "versioning suspended",
        resources: [
          { address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } },
          {
            address: "aws_s3_bucket_versioning.state",
            values: { bucket: "acme-tfstate-dev", versioning_configuration: [{ status: "Suspended" }] },
          },
        ],
        errors: [
          {
            message: "State bucket acme-tfstate-dev (aws_s3_bucket.state) does not have versioning enabled.",
            attribute: "versioning",
          },
        ],
      },
      {
        name: "the backend's bucket (no environments) without versioning",
        config: {},
        backend: s3(COMPLETE),
        resources: [{ address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } }],
        errors: [
          {
            message: "State bucket acme-tfstate-dev (aws_s3_bucket.state) does not have versioning enabled.",
            attribute: "versioning",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the versioning status from a data source",
        resources: [
          { address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } },
          {
            address: "aws_s3_bucket_versioning.state",
            values: { bucket: "acme-tfstate-dev", versioning_configuration: [{}] },
            unknown: { versioning_configuration: [{ status: true }] },
            refs: {
              "versioning_configuration.status": ["data.external.policy.result.versioning", "data.external.policy"],
            },
          },
        ],
        undecided: [
          {
            message:
              "Whether aws_s3_bucket_versioning.state enables versioning of state bucket acme-tfstate-dev is known only after apply.",
            attribute: undefined,
          },
        ],
      },
    ],
  },
  {
    rule: s3StatePublicAccess,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "all four settings on",
        resources: [
          { address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } },
          {
            address: "aws_s3_bucket_public_access_block.state",
            values: {
              bucket: "acme-tfstate-dev",
              block_public_acls: true,
              block_public_policy: true,
              ignore_public_acls: true,
              restrict_public_buckets: true,
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a setting off",
        resources: [
          { address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } },
          {
            address: "aws_s3_bucket_public_access_block.state",
            values: {
              bucket: "acme-tfstate-dev",
              block_public_acls: true,
              block_public_policy: true,
              ignore_public_acls: true,
              restrict_public_buckets: false,
            },
          },
        ],
        errors: [
          {
            message:
              "State bucket acme-tfstate-dev (aws_s3_bucket.state) has a public access block with a setting off.",
            attribute: undefined,
          },
        ],
      },
      {
        name: "no block",
        resources: [{ address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } }],
        errors: [
          {
            message: "State bucket acme-tfstate-dev (aws_s3_bucket.state) has no public access block.",
            attribute: undefined,
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the settings from variables",
        resources: [
          { address: "aws_s3_bucket.state", values: { bucket: "acme-tfstate-dev" } },
          {
            address: "aws_s3_bucket_public_access_block.state",
            values: {
              bucket: "acme-tfstate-dev",
              block_public_acls: true,
              ignore_public_acls: true,
              restrict_public_buckets: true,
            },
            unknown: { block_public_policy: true },
            refs: { block_public_policy: ["var.block"] },
          },
        ],
        undecided: [
          {
            message: "The public access block of state bucket acme-tfstate-dev is known only after apply.",
            attribute: undefined,
          },
        ],
      },
    ],
  },
  {
    rule: gcsStateBucketVersioning,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "versioning enabled",
        resources: [
          {
            address: "google_storage_bucket.state",
            values: { name: "acme-tfstate-dev", location: "US", versioning: [{ enabled: true }] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "versioning off",
        resources: [
          {
            address: "google_storage_bucket.state",
            values: { name: "acme-tfstate-dev", location: "US", versioning: [{ enabled: false }] },
          },
        ],
        errors: [
          {
            message: "State bucket acme-tfstate-dev (google_storage_bucket.state) does not keep object versions.",
            attribute: "versioning",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "versioning from a variable",
        resources: [
          {
            address: "google_storage_bucket.state",
            values: { name: "acme-tfstate-dev", location: "US", versioning: [{}] },
            unknown: { versioning: [{ enabled: true }] },
            refs: { "versioning.enabled": ["var.versioning"] },
          },
        ],
        undecided: [
          {
            message: "Whether state bucket acme-tfstate-dev keeps versions is known only after apply.",
            attribute: "versioning",
          },
        ],
      },
    ],
  },
];
