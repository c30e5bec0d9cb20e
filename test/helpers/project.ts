import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fixturePath } from "./shared.js";

/**
 * A throwaway Terraform project outside any git repository: the plan of one
 * unencrypted EBS volume (PG-AWS-EBS-001, aliases CKV_AWS_3 and
 * AVD-AWS-0026), its main.tf and, when given, a .planguard.yaml.
 */
export function ebsProject(files: { tf?: string; config?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-project-"));
  copyFileSync(fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), path.join(dir, "plan.json"));
  writeFileSync(path.join(dir, "main.tf"), files.tf ?? EBS_TF);
  if (files.config !== undefined) writeFileSync(path.join(dir, ".planguard.yaml"), files.config);
  return dir;
}

export const EBS_TF = `resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 10
}
`;
