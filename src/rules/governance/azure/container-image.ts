import { DIGEST_REMEDY, leafImageRule } from "../images.js";

export const azureContainerImage = leafImageRule({
  id: "PG-AZURE-GOV-005",
  title: "Azure container app or container group image by mutable tag",
  description:
    "A Container App or Container Instances group whose image is `:latest` or untagged runs different code after the next push.",
  providers: ["azurerm"],
  types: ["azurerm_container_app", "azurerm_container_group"],
  pattern: /(^|\.)container\.\d+\.image$/,
  remediation: DIGEST_REMEDY,
});
