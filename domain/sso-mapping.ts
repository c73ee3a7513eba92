import type { Role } from '../contract/common';
import type { SsoMapping } from '../contract/sso';

/** Highest first: a person in both the admins' and the readers' group is an admin. */
const RANK: Role[] = ['admin', 'coordinator', 'department', 'reader'];

/** The values of the group claim: a list, a single string, or (some providers) a space- or comma-free string. */
export function groupValues(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  if (typeof claim === 'string' && claim) return [claim];
  return [];
}

/**
 * The membership a sign-in gives: the highest role any of the person's groups maps to, and the department
 * of the first department rule that matches. null: no group maps to a role, the sign-in is refused.
 * Values are compared exactly (group ids and names are case-sensitive at most providers).
 */
export function mapGroups(mapping: SsoMapping, groups: string[]): { role: Role; departmentId: string | null } | null {
  const have = new Set(groups);
  const roles = mapping.roles.filter((r) => have.has(r.value)).map((r) => r.role);
  const role = RANK.find((r) => roles.includes(r));
  if (!role) return null;
  const department = mapping.departments.find((d) => have.has(d.value));
  return { role, departmentId: department?.departmentId ?? null };
}
