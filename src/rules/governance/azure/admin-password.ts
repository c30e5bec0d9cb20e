import { secretRule } from "../secrets.js";

export const azureAdminPassword = secretRule({
  id: "PG-AZURE-GOV-004",
  title: "Azure admin password set in Terraform",
  description:
    "Admin passwords of virtual machines, scale sets and database servers set as arguments are stored in state in plain text; a literal one is in the repository too.",
  providers: ["azurerm"],
  table: {
    azurerm_linux_virtual_machine: [{ path: "admin_password" }],
    azurerm_windows_virtual_machine: [{ path: "admin_password" }],
    azurerm_linux_virtual_machine_scale_set: [{ path: "admin_password" }],
    azurerm_windows_virtual_machine_scale_set: [{ path: "admin_password" }],
    azurerm_mssql_server: [{ path: "administrator_login_password" }],
    azurerm_postgresql_flexible_server: [{ path: "administrator_password" }],
    azurerm_mysql_flexible_server: [{ path: "administrator_password" }],
  },
  remediation:
    "Use SSH keys or Entra ID (Azure AD) authentication, or the write-only `*_wo` arguments; keep any remaining password in Key Vault, set outside Terraform.",
});
