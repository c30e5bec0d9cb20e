import { DIGEST_REMEDY, leafImageRule } from "../images.js";

export const cloudRunImage = leafImageRule({
  id: "PG-GCP-GOV-008",
  title: "Cloud Run image by mutable tag",
  description:
    "A Cloud Run service or job whose container image is `:latest` or untagged serves different code after the next push and revision.",
  providers: ["google"],
  types: ["google_cloud_run_v2_service", "google_cloud_run_v2_job", "google_cloud_run_service"],
  pattern: /(^|\.)containers\.\d+\.image$/,
  remediation: DIGEST_REMEDY,
});
