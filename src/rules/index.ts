import type { TypeScriptRule } from "../policy/rule.js";
import { ebsVolumeEncrypted } from "./encryption/aws/ebs-volume-encrypted.js";
import { rdsStorageEncrypted } from "./encryption/aws/rds-storage-encrypted.js";
import { s3BucketEncryption } from "./encryption/aws/s3-bucket-encryption.js";
import { sageMakerNotebookKms } from "./encryption/aws/sagemaker-notebook-kms.js";
import { generatedSecretInPlainArgument } from "./governance/any/generated-secret-in-plain-argument.js";
import { gitModuleWithoutPinnedRef } from "./governance/any/git-module-without-pinned-ref.js";
import { gpuWithoutGovernanceTags } from "./governance/any/gpu-without-governance-tags.js";
import { localState } from "./governance/any/local-state.js";
import { providerLowerBoundOnly } from "./governance/any/provider-lower-bound-only.js";
import { providerWithoutVersion } from "./governance/any/provider-without-version.js";
import { registryModuleWithoutVersion } from "./governance/any/registry-module-without-version.js";
import { remoteStateOfOtherEnvironment } from "./governance/any/remote-state-of-other-environment.js";
import { sharedBackend } from "./governance/any/shared-backend.js";
import { taggedForOtherEnvironment } from "./governance/any/tagged-for-other-environment.js";
import { unapprovedModuleSource } from "./governance/any/unapproved-module-source.js";
import { batchJobImage } from "./governance/aws/batch-job-image.js";
import { awsDatabasePassword } from "./governance/aws/database-password.js";
import { ecsTaskImage } from "./governance/aws/ecs-task-image.js";
import { awsForeignArn } from "./governance/aws/foreign-arn.js";
import { awsForeignKmsKey } from "./governance/aws/foreign-kms-key.js";
import { awsForeignPolicyPrincipal } from "./governance/aws/foreign-policy-principal.js";
import { awsForeignSharing } from "./governance/aws/foreign-sharing.js";
import { awsForeignTrust } from "./governance/aws/foreign-trust.js";
import { lambdaImage } from "./governance/aws/lambda-image.js";
import { awsProviderOtherAccount } from "./governance/aws/provider-other-account.js";
import { awsRegionOutsideEnvironment } from "./governance/aws/region-outside-environment.js";
import { s3BackendUnencrypted } from "./governance/aws/s3-backend-unencrypted.js";
import { s3BackendUnlocked } from "./governance/aws/s3-backend-unlocked.js";
import { sageMakerModelImage } from "./governance/aws/sagemaker-model-image.js";
import { awsServicePassword } from "./governance/aws/service-password.js";
import { s3StatePublicAccess } from "./governance/aws/state-bucket-public-access.js";
import { s3StateBucketVersioning } from "./governance/aws/state-bucket-versioning.js";
import { azureAdminPassword } from "./governance/azure/admin-password.js";
import { azureContainerImage } from "./governance/azure/container-image.js";
import { azureForeignResourceId } from "./governance/azure/foreign-resource-id.js";
import { azureLocationOutsideEnvironment } from "./governance/azure/location-outside-environment.js";
import { azureProviderOtherSubscription } from "./governance/azure/provider-other-subscription.js";
import { cloudRunImage } from "./governance/gcp/cloud-run-image.js";
import { gcpForeignKmsKey } from "./governance/gcp/foreign-kms-key.js";
import { gcpForeignMember } from "./governance/gcp/foreign-member.js";
import { gcpForeignPath } from "./governance/gcp/foreign-path.js";
import { gcpProviderOtherProject } from "./governance/gcp/provider-other-project.js";
import { gcpRegionOutsideEnvironment } from "./governance/gcp/region-outside-environment.js";
import { gcpResourceOtherProject } from "./governance/gcp/resource-other-project.js";
import { gcpSqlPassword } from "./governance/gcp/sql-password.js";
import { gcsStateBucketVersioning } from "./governance/gcp/state-bucket-versioning.js";
import { kubernetesImage } from "./governance/kubernetes/workload-image.js";
import { gpuAllowedFamilies } from "./gpu/any/allowed-families.js";
import { gpuAllowedModels } from "./gpu/any/allowed-models.js";
import { gpuAutoscalingBound } from "./gpu/any/autoscaling-bound.js";
import { gpuDeprecatedModels } from "./gpu/any/deprecated-models.js";
import { gpuEnvironmentQuota } from "./gpu/any/environment-quota.js";
import { gpuOnDemandWhereSpotRequired } from "./gpu/any/on-demand-where-spot-required.js";
import { gpuPerResourceQuota } from "./gpu/any/per-resource-quota.js";
import { gpuPublicIp } from "./gpu/any/public-ip.js";
import { gpuRequiredTags } from "./gpu/any/required-tags.js";
import { gpuTeamQuota } from "./gpu/any/team-quota.js";
import { gpuTotalQuota } from "./gpu/any/total-quota.js";
import { gpuNodeWorkloadWithoutGpuLimit } from "./gpu/kubernetes/node-workload-without-gpu-limit.js";
import { gpuWorkloadLimits } from "./gpu/kubernetes/workload-limits.js";
import { allowNotAction } from "./iam/aws/allow-not-action.js";
import { iamPassRoleWildcard } from "./iam/aws/pass-role-wildcard.js";
import { publicResourcePolicy } from "./iam/aws/public-resource-policy.js";
import { publicTrustPolicy } from "./iam/aws/public-trust-policy.js";
import { s3NoPublicAccessBlock } from "./iam/aws/s3-no-public-access-block.js";
import { userAttachedPolicy } from "./iam/aws/user-attached-policy.js";
import { iamWildcardAction } from "./iam/aws/wildcard-action.js";
import { iamWildcardAdmin } from "./iam/aws/wildcard-admin.js";
import { gcpPublicIamMember } from "./iam/gcp/public-iam-member.js";
import { gpuInstanceOpenToWorld } from "./network/aws/gpu-instance-open-to-world.js";
import { instancePublicIp } from "./network/aws/instance-public-ip.js";
import { plainHttpListener } from "./network/aws/plain-http-listener.js";
import { rdsPubliclyAccessible } from "./network/aws/rds-publicly-accessible.js";
import { sageMakerNotebookInternet } from "./network/aws/sagemaker-notebook-internet.js";
import { securityGroupAdminIngress } from "./network/aws/security-group-admin-ingress.js";
import { firewallAdminIngress } from "./network/gcp/firewall-admin-ingress.js";

/**
 * Every bundled TypeScript rule, one list. A rule is one module under
 * src/rules/<pillar>/<cloud>/ (cloud "any" for rules that judge every
 * cloud's resources or Terraform itself); adding one is writing that module
 * and naming it here. The order is the order of `planguard rules` and of
 * evaluation (findings are sorted afterwards, so it decides nothing else).
 */
export const BUNDLED_RULES: readonly TypeScriptRule[] = [
  ebsVolumeEncrypted,
  rdsStorageEncrypted,
  s3BucketEncryption,
  sageMakerNotebookKms,
  iamWildcardAdmin,
  iamPassRoleWildcard,
  iamWildcardAction,
  publicResourcePolicy,
  publicTrustPolicy,
  allowNotAction,
  userAttachedPolicy,
  s3NoPublicAccessBlock,
  gcpPublicIamMember,
  securityGroupAdminIngress,
  rdsPubliclyAccessible,
  sageMakerNotebookInternet,
  gpuInstanceOpenToWorld,
  plainHttpListener,
  instancePublicIp,
  firewallAdminIngress,
  gpuTotalQuota,
  gpuPerResourceQuota,
  gpuAllowedModels,
  gpuRequiredTags,
  gpuTeamQuota,
  gpuEnvironmentQuota,
  gpuAllowedFamilies,
  gpuAutoscalingBound,
  gpuOnDemandWhereSpotRequired,
  gpuPublicIp,
  gpuDeprecatedModels,
  gpuWorkloadLimits,
  gpuNodeWorkloadWithoutGpuLimit,
  taggedForOtherEnvironment,
  remoteStateOfOtherEnvironment,
  awsProviderOtherAccount,
  awsForeignKmsKey,
  awsForeignTrust,
  awsForeignPolicyPrincipal,
  awsForeignSharing,
  awsForeignArn,
  awsRegionOutsideEnvironment,
  gcpProviderOtherProject,
  gcpResourceOtherProject,
  gcpForeignMember,
  gcpForeignKmsKey,
  gcpForeignPath,
  gcpRegionOutsideEnvironment,
  azureProviderOtherSubscription,
  azureForeignResourceId,
  azureLocationOutsideEnvironment,
  awsDatabasePassword,
  awsServicePassword,
  azureAdminPassword,
  gcpSqlPassword,
  generatedSecretInPlainArgument,
  providerWithoutVersion,
  providerLowerBoundOnly,
  registryModuleWithoutVersion,
  gitModuleWithoutPinnedRef,
  unapprovedModuleSource,
  sageMakerModelImage,
  ecsTaskImage,
  batchJobImage,
  lambdaImage,
  cloudRunImage,
  azureContainerImage,
  kubernetesImage,
  gpuWithoutGovernanceTags,
  localState,
  s3BackendUnencrypted,
  s3BackendUnlocked,
  sharedBackend,
  s3StateBucketVersioning,
  s3StatePublicAccess,
  gcsStateBucketVersioning,
];
