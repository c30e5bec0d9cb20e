import { DIGEST_REMEDY, leafImageRule } from "../images.js";

export const kubernetesImage = leafImageRule({
  id: "PG-GOV-009",
  title: "Kubernetes workload image by mutable tag",
  description:
    "A Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod managed by Terraform whose container image is `:latest` or untagged runs different code on every reschedule.",
  providers: ["kubernetes"],
  types: [
    "kubernetes_deployment",
    "kubernetes_deployment_v1",
    "kubernetes_stateful_set",
    "kubernetes_stateful_set_v1",
    "kubernetes_daemonset",
    "kubernetes_daemon_set_v1",
    "kubernetes_job",
    "kubernetes_job_v1",
    "kubernetes_cron_job",
    "kubernetes_cron_job_v1",
    "kubernetes_pod",
    "kubernetes_pod_v1",
  ],
  pattern: /(^|\.)(container|init_container)\.\d+\.image$/,
  remediation: DIGEST_REMEDY,
});
