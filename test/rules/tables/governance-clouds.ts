import { generatedSecretInPlainArgument } from "../../../src/rules/governance/any/generated-secret-in-plain-argument.js";
import { awsDatabasePassword } from "../../../src/rules/governance/aws/database-password.js";
import { awsServicePassword } from "../../../src/rules/governance/aws/service-password.js";
import { azureAdminPassword } from "../../../src/rules/governance/azure/admin-password.js";
import { azureForeignResourceId } from "../../../src/rules/governance/azure/foreign-resource-id.js";
import { azureLocationOutsideEnvironment } from "../../../src/rules/governance/azure/location-outside-environment.js";
import { azureProviderOtherSubscription } from "../../../src/rules/governance/azure/provider-other-subscription.js";
import { gcpForeignKmsKey } from "../../../src/rules/governance/gcp/foreign-kms-key.js";
import { gcpForeignMember } from "../../../src/rules/governance/gcp/foreign-member.js";
import { gcpForeignPath } from "../../../src/rules/governance/gcp/foreign-path.js";
import { gcpProviderOtherProject } from "../../../src/rules/governance/gcp/provider-other-project.js";
import { gcpRegionOutsideEnvironment } from "../../../src/rules/governance/gcp/region-outside-environment.js";
import { gcpResourceOtherProject } from "../../../src/rules/governance/gcp/resource-other-project.js";
import { gcpSqlPassword } from "../../../src/rules/governance/gcp/sql-password.js";
import type { RuleTable } from "../rule-tester.js";
import { ENVIRONMENTS } from "./governance-environments.js";

/** The governance rules about GCP projects, Azure subscriptions and locations, and secrets in state. */

const FROM_REMOTE_STATE = (output: string) => [
  `data.terraform_remote_state.shared.outputs.${output}`,
  "data.terraform_remote_state.shared",
];
const PROD_SUB = "11111111-1111-1111-1111-111111111111";
const DEV_SUB = "22222222-2222-2222-2222-222222222222";
const REDACTED = "(sensitive value)";

export const cloudTables: RuleTable[] = [
  {
    rule: gcpProviderOtherProject,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "the provider in ml-dev",
        resources: [],
        providers: { google: { expressions: { project: { constant_value: "ml-dev" } } } },
      },
    ],
    invalid: [
      {
        name: "the provider in ml-prod",
        resources: [],
        providers: { google: { expressions: { project: { constant_value: "ml-prod" } } } },
        errors: [
          {
            message: 'Provider "google" of this dev plan uses project ml-prod, which belongs to prod.',
            attribute: 'provider["google"].project',
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the project from a data source",
        resources: [],
        providers: {
          google: {
            expressions: {
              project: { references: ["data.google_project.current.project_id", "data.google_project.current"] },
            },
          },
        },
        undecided: [
          {
            message: 'The project of provider "google" (project) is known only after apply.',
            attribute: 'provider["google"].project',
          },
        ],
      },
    ],
  },
  {
    rule: gcpResourceOtherProject,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "a bucket in ml-dev",
        resources: [
          {
            address: "google_storage_bucket.features",
            values: { name: "features", location: "US-CENTRAL1", project: "ml-dev" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a bucket in ml-prod",
        resources: [
          {
            address: "google_storage_bucket.features",
            values: { name: "features", location: "US-CENTRAL1", project: "ml-prod" },
          },
        ],
        errors: [
          {
            message: "google_storage_bucket.features is created in project ml-prod, which belongs to prod.",
            attribute: "project",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the project of a project created in the same plan",
        resources: [
          {
            address: "google_storage_bucket.features",
            values: { name: "features", location: "US-CENTRAL1" },
            unknown: { project: true },
            refs: { project: ["google_project.sandbox.project_id", "google_project.sandbox"] },
          },
        ],
        undecided: [{ message: "The resource's project is known only after apply.", attribute: "project" }],
      },
      {
        name: "the project left to the provider",
        resources: [
          {
            address: "google_storage_bucket.features",
            values: { name: "features", location: "US-CENTRAL1" },
            unknown: { project: true },
          },
        ],
        undecided: [],
        silentBecause: "an unset project is the provider's, which PG-GCP-GOV-001 judges",
      },
    ],
  },
  {
    rule: gcpForeignMember,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "a dev service account",
        resources: [
          {
            address: "google_project_iam_member.reader",
            values: {
              project: "ml-dev",
              role: "roles/viewer",
              member: "serviceAccount:trainer@ml-dev.iam.gserviceaccount.com",
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a prod service account",
        resources: [
          {
            address: "google_project_iam_member.reader",
            values: {
              project: "ml-dev",
              role: "roles/viewer",
              member: "serviceAccount:trainer@ml-prod.iam.gserviceaccount.com",
            },
          },
        ],
        errors: [
          {
            message: "google_project_iam_member.reader grants a role to service accounts of project ml-prod (prod).",
            attribute: "member",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a service account created in the same plan",
        resources: [
          {
            address: "google_project_iam_member.reader",
            values: { project: "ml-dev", role: "roles/viewer" },
            unknown: { member: true },
            refs: { member: ["google_service_account.trainer.member", "google_service_account.trainer"] },
          },
        ],
        undecided: [
          { message: "The member of google_project_iam_member.reader is known only after apply.", attribute: "member" },
        ],
      },
    ],
  },
  {
    rule: gcpForeignKmsKey,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "a dev key",
        resources: [
          {
            address: "google_storage_bucket.datasets",
            values: {
              name: "datasets",
              location: "US-CENTRAL1",
              encryption: [{ default_kms_key_name: "projects/ml-dev/locations/us-central1/keyRings/ml/cryptoKeys/d" }],
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a prod key",
        resources: [
          {
            address: "google_storage_bucket.datasets",
            values: {
              name: "datasets",
              location: "US-CENTRAL1",
              encryption: [{ default_kms_key_name: "projects/ml-prod/locations/us-central1/keyRings/ml/cryptoKeys/d" }],
            },
          },
        ],
        errors: [
          {
            message: "google_storage_bucket.datasets uses a Cloud KMS key of project ml-prod (prod).",
            attribute: "encryption.0.default_kms_key_name",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the key from another state",
        resources: [
          {
            address: "google_storage_bucket.datasets",
            values: { name: "datasets", location: "US-CENTRAL1", encryption: [{}] },
            unknown: { encryption: [{ default_kms_key_name: true }] },
            refs: { "encryption.default_kms_key_name": FROM_REMOTE_STATE("key_id") },
          },
        ],
        undecided: [
          {
            message: "The Cloud KMS key in encryption.0.default_kms_key_name comes from outside this plan",
            attribute: "encryption.0.default_kms_key_name",
          },
        ],
      },
    ],
  },
  {
    rule: gcpForeignPath,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "peering with a hub project no environment declares",
        resources: [
          {
            address: "google_compute_network_peering.p",
            values: {
              name: "p",
              network: "projects/ml-dev/global/networks/vpc",
              peer_network: "projects/net-hub/global/networks/hub",
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "peering with prod's network",
        resources: [
          {
            address: "google_compute_network_peering.p",
            values: {
              name: "p",
              network: "projects/ml-dev/global/networks/vpc",
              peer_network: "projects/ml-prod/global/networks/vpc",
            },
          },
        ],
        errors: [
          { message: "google_compute_network_peering.p refers to project ml-prod (prod).", attribute: "peer_network" },
        ],
      },
    ],
    undecided: [
      {
        name: "the peer network from another state",
        resources: [
          {
            address: "google_compute_network_peering.p",
            values: { name: "p", network: "projects/ml-dev/global/networks/vpc" },
            unknown: { peer_network: true },
            refs: { peer_network: FROM_REMOTE_STATE("network") },
          },
        ],
        undecided: [
          {
            message: "The value in peer_network comes from outside this plan and is known only after apply.",
            attribute: "peer_network",
          },
        ],
      },
    ],
  },
  {
    rule: gcpRegionOutsideEnvironment,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "provider and instance in us-central1",
        providers: {
          google: { expressions: { project: { constant_value: "ml-dev" }, region: { constant_value: "us-central1" } } },
        },
        resources: [
          {
            address: "google_compute_instance.trainer",
            values: { name: "trainer", machine_type: "n1-standard-8", zone: "us-central1-a" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an instance in asia-east1-b",
        providers: { google: { expressions: { region: { constant_value: "us-central1" } } } },
        resources: [
          {
            address: "google_compute_instance.trainer",
            values: { name: "trainer", machine_type: "n1-standard-8", zone: "asia-east1-b" },
          },
        ],
        errors: [
          {
            message:
              "google_compute_instance.trainer is placed in asia-east1-b, outside dev's regions (us-east-1, us-central1, westeurope).",
            attribute: "zone",
            resource: "google_compute_instance.trainer",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the provider's region from a local value",
        providers: { google: { expressions: { region: { references: ["local.region"] } } } },
        resources: [],
        undecided: [
          {
            message: 'The region of provider "google" is known only after apply.',
            attribute: 'provider["google"].region',
          },
        ],
      },
    ],
  },
  {
    rule: azureProviderOtherSubscription,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "dev's subscription",
        resources: [],
        providers: { azurerm: { expressions: { subscription_id: { constant_value: DEV_SUB } } } },
      },
    ],
    invalid: [
      {
        name: "prod's subscription",
        resources: [],
        providers: { azurerm: { expressions: { subscription_id: { constant_value: PROD_SUB } } } },
        errors: [
          {
            message: `Provider "azurerm" of this dev plan uses subscription ${PROD_SUB}, which belongs to prod.`,
            attribute: 'provider["azurerm"].subscription_id',
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the subscription from a data source",
        resources: [],
        providers: {
          azurerm: {
            expressions: {
              subscription_id: {
                references: [
                  "data.azurerm_client_config.current.subscription_id",
                  "data.azurerm_client_config.current",
                ],
              },
            },
          },
        },
        undecided: [
          {
            message: 'The subscription of provider "azurerm" (subscription_id) is known only after apply.',
            attribute: 'provider["azurerm"].subscription_id',
          },
        ],
      },
    ],
  },
  {
    rule: azureForeignResourceId,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "a scope in dev's subscription",
        resources: [
          {
            address: "azurerm_role_assignment.reader",
            values: { scope: `/subscriptions/${DEV_SUB}/resourceGroups/ml`, principal_id: "p" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a scope in prod's subscription",
        resources: [
          {
            address: "azurerm_role_assignment.reader",
            values: { scope: `/subscriptions/${PROD_SUB}/resourceGroups/ml`, principal_id: "p" },
          },
        ],
        errors: [
          { message: `azurerm_role_assignment.reader refers to subscription ${PROD_SUB} (prod).`, attribute: "scope" },
        ],
      },
    ],
    undecided: [
      {
        name: "the scope from another state",
        resources: [
          {
            address: "azurerm_role_assignment.reader",
            values: { principal_id: "p" },
            unknown: { scope: true },
            refs: { scope: FROM_REMOTE_STATE("rg_id") },
          },
        ],
        undecided: [
          {
            message: "The value in scope comes from outside this plan and is known only after apply.",
            attribute: "scope",
          },
        ],
      },
    ],
  },
  {
    rule: azureLocationOutsideEnvironment,
    config: ENVIRONMENTS,
    valid: [
      {
        name: "West Europe (as westeurope)",
        resources: [{ address: "azurerm_resource_group.ml", values: { name: "ml", location: "West Europe" } }],
      },
    ],
    invalid: [
      {
        name: "East Asia",
        resources: [{ address: "azurerm_resource_group.ml", values: { name: "ml", location: "East Asia" } }],
        errors: [
          {
            message:
              "azurerm_resource_group.ml is placed in East Asia, outside dev's regions (us-east-1, us-central1, westeurope).",
            attribute: "location",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the location of a resource group read by a data source",
        resources: [
          {
            address: "azurerm_storage_account.data",
            values: { name: "data" },
            unknown: { location: true },
            refs: { location: ["data.azurerm_resource_group.shared.location", "data.azurerm_resource_group.shared"] },
          },
        ],
        undecided: [{ message: "The resource's location is known only after apply.", attribute: "location" }],
      },
      {
        name: "the location of a resource group created in the same plan",
        resources: [
          {
            address: "azurerm_storage_account.data",
            values: { name: "data" },
            unknown: { location: true },
            refs: { location: ["azurerm_resource_group.ml.location", "azurerm_resource_group.ml"] },
          },
        ],
        undecided: [],
        silentBecause: "the resource group is in the plan and judged itself",
      },
    ],
  },
  {
    rule: awsDatabasePassword,
    valid: [
      {
        name: "the password managed by RDS",
        resources: [
          {
            address: "aws_db_instance.meta",
            values: { engine: "postgres", username: "mlflow", manage_master_user_password: true },
          },
        ],
      },
      {
        name: "no password at all (IAM authentication)",
        resources: [
          {
            address: "aws_rds_cluster.c",
            values: { engine: "aurora-postgresql", iam_database_authentication_enabled: true },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a literal password",
        resources: [
          {
            address: "aws_db_instance.meta",
            values: { engine: "postgres", username: "mlflow", password: REDACTED },
            sensitive: { password: true },
          },
        ],
        errors: [
          {
            message:
              "aws_db_instance.meta sets password to a literal in the configuration: it is in the repository and in state in plain text.",
            attribute: "password",
          },
        ],
      },
      {
        name: "a cluster password from a variable",
        resources: [
          {
            address: "aws_rds_cluster.c",
            values: { engine: "aurora-postgresql", master_password: REDACTED },
            sensitive: { master_password: true },
            expressions: { master_password: { references: ["var.db_password"] } },
          },
        ],
        errors: [
          {
            message:
              "aws_rds_cluster.c sets master_password: Terraform stores it in state in plain text, even when marked sensitive.",
            attribute: "master_password",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "manage_master_user_password from a data source",
        resources: [
          {
            address: "aws_db_instance.meta",
            values: { engine: "postgres", username: "mlflow" },
            unknown: { manage_master_user_password: true },
            refs: { manage_master_user_password: ["data.external.flags.result.managed", "data.external.flags"] },
          },
        ],
        undecided: [
          {
            message: "Whether manage_master_user_password manages the secret is known only after apply.",
            attribute: "manage_master_user_password",
          },
        ],
      },
    ],
  },
  {
    rule: awsServicePassword,
    valid: [
      {
        name: "Redshift manages the password",
        resources: [
          { address: "aws_redshift_cluster.w", values: { cluster_identifier: "w", manage_master_password: true } },
        ],
      },
    ],
    invalid: [
      {
        name: "an ElastiCache auth token from a variable",
        resources: [
          {
            address: "aws_elasticache_replication_group.f",
            values: { replication_group_id: "f", auth_token: REDACTED },
            sensitive: { auth_token: true },
            expressions: { auth_token: { references: ["var.token"] } },
          },
        ],
        errors: [
          {
            message: "aws_elasticache_replication_group.f sets auth_token: Terraform stores it in state in plain text",
            attribute: "auth_token",
          },
        ],
      },
      {
        name: "an MQ user's literal password in a nested block",
        resources: [
          {
            address: "aws_mq_broker.b",
            values: { broker_name: "b", user: [{ username: "ml", password: REDACTED }] },
            sensitive: { user: [{ password: true }] },
          },
        ],
        errors: [
          {
            message: "aws_mq_broker.b sets user.0.password to a literal in the configuration",
            attribute: "user.0.password",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "manage_master_password from a data source",
        resources: [
          {
            address: "aws_redshift_cluster.w",
            values: { cluster_identifier: "w" },
            unknown: { manage_master_password: true },
            refs: { manage_master_password: ["data.external.flags.result.managed", "data.external.flags"] },
          },
        ],
        undecided: [
          {
            message: "Whether manage_master_password manages the secret is known only after apply.",
            attribute: "manage_master_password",
          },
        ],
      },
      {
        name: "a DocumentDB password known only after apply, in a plan without the configuration",
        resources: [
          {
            address: "aws_docdb_cluster.catalog",
            values: { cluster_identifier: "catalog" },
            unknown: { master_password: true },
            noConfiguration: true,
          },
        ],
        undecided: [
          { message: "Whether master_password is set is known only after apply.", attribute: "master_password" },
        ],
      },
    ],
  },
  {
    rule: azureAdminPassword,
    valid: [
      {
        name: "SSH keys only",
        resources: [
          {
            address: "azurerm_linux_virtual_machine.jump",
            values: {
              name: "jump",
              admin_username: "azureuser",
              disable_password_authentication: true,
              admin_ssh_key: [{ username: "azureuser", public_key: "ssh-ed25519 AAAA" }],
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a literal admin password",
        resources: [
          {
            address: "azurerm_linux_virtual_machine.jump",
            values: { name: "jump", admin_username: "azureuser", admin_password: REDACTED },
            sensitive: { admin_password: true },
          },
        ],
        errors: [
          {
            message: "azurerm_linux_virtual_machine.jump sets admin_password to a literal in the configuration",
            attribute: "admin_password",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "an SQL server password known only after apply, in a plan without the configuration",
        resources: [
          {
            address: "azurerm_mssql_server.f",
            values: { name: "f", administrator_login: "sqladmin" },
            unknown: { administrator_login_password: true },
            noConfiguration: true,
          },
        ],
        undecided: [
          {
            message: "Whether administrator_login_password is set is known only after apply.",
            attribute: "administrator_login_password",
          },
        ],
      },
      {
        name: "a password the configuration does not write, known only after apply",
        resources: [
          {
            address: "azurerm_mssql_server.f",
            values: { name: "f", administrator_login: "sqladmin" },
            unknown: { administrator_login_password: true },
          },
        ],
        undecided: [],
        silentBecause: "the configuration is there and does not set the argument: nothing of the author's is stored",
      },
    ],
  },
  {
    rule: gcpSqlPassword,
    valid: [
      {
        name: "an IAM database user",
        resources: [
          {
            address: "google_sql_user.u",
            values: { name: "trainer@ml-dev.iam", instance: "db", type: "CLOUD_IAM_SERVICE_ACCOUNT" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a generated password",
        resources: [
          {
            address: "google_sql_user.u",
            values: { name: "mlflow", instance: "db", password: REDACTED },
            sensitive: { password: true },
            expressions: { password: { references: ["random_password.db.result", "random_password.db"] } },
          },
        ],
        errors: [
          {
            message:
              "google_sql_user.u sets password: Terraform stores it in state in plain text, even when marked sensitive.",
            attribute: "password",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "a password known only after apply, in a plan without the configuration",
        resources: [
          {
            address: "google_sql_user.u",
            values: { name: "mlflow", instance: "db" },
            unknown: { password: true },
            noConfiguration: true,
          },
        ],
        undecided: [{ message: "Whether password is set is known only after apply.", attribute: "password" }],
      },
    ],
  },
  {
    rule: generatedSecretInPlainArgument,
    valid: [
      {
        name: "the generated password goes to a secret store and a sensitive argument",
        resources: [
          {
            address: "random_password.api",
            values: { length: 32 },
            unknown: { result: true },
            sensitive: { result: true },
          },
          {
            address: "aws_secretsmanager_secret_version.api",
            values: { secret_id: "api" },
            unknown: { secret_string: true },
            sensitive: { secret_string: true },
            refs: { secret_string: ["random_password.api.result", "random_password.api"] },
          },
          {
            address: "aws_db_instance.meta",
            values: { engine: "postgres" },
            unknown: { password: true },
            sensitive: { password: true },
            refs: { password: ["random_password.api.result", "random_password.api"] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "the generated password in an instance's user_data",
        resources: [
          {
            address: "random_password.api",
            values: { length: 32 },
            unknown: { result: true },
            sensitive: { result: true },
          },
          {
            address: "aws_instance.worker",
            values: { ami: "ami-1", instance_type: "t3.large" },
            unknown: { user_data: true },
            refs: { user_data: ["random_password.api.result", "random_password.api"] },
          },
        ],
        errors: [
          {
            message:
              "aws_instance.worker passes random_password.api.result to user_data, which is not a sensitive argument: the secret shows in plan output and state.",
            attribute: "user_data",
            resource: "aws_instance.worker",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "user_data known only after apply from a data source",
        resources: [
          {
            address: "aws_instance.worker",
            values: { ami: "ami-1", instance_type: "t3.large" },
            unknown: { user_data: true },
            refs: { user_data: ["data.cloudinit_config.worker.rendered", "data.cloudinit_config.worker"] },
          },
        ],
        undecided: [],
        silentBecause:
          "the rule reads the configuration's references and the sensitivity marks, both known at plan time",
      },
    ],
  },
];
