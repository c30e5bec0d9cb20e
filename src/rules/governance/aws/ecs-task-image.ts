import { jsonImageRule } from "../images.js";

export const ecsTaskImage = jsonImageRule(
  "PG-AWS-GOV-011",
  "ECS task definition image by mutable tag",
  "A container definition whose image is `:latest` or untagged starts different code on every task launch and scale-out.",
  "aws_ecs_task_definition",
  "container_definitions",
);
