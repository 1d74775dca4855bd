import type { SelectHTMLAttributes } from "react";
import { isRole, ROLE_LABELS, ROLES, type RoleName } from "@/lib/roles";

/** A select of the newsroom roles; reports only valid role names. */
export function RoleSelect({
  value,
  onRoleChange,
  className = "",
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: RoleName;
  onRoleChange: (role: RoleName) => void;
}) {
  return (
    <select
      value={value}
      onChange={(event) => {
        if (isRole(event.target.value)) onRoleChange(event.target.value);
      }}
      className={`rounded border border-neutral-500 ${className}`}
      {...props}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
