/** The compliance benchmarks the bundled rules map to, spelled once (RuleMetadata.compliance). */

export const CIS_AWS = "CIS AWS Foundations 3.0";
export const CIS_GCP = "CIS Google Cloud Platform Foundation 2.0";
