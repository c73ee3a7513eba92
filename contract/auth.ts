import { z } from 'zod';
import { Id, Locale, Role, requiredText } from './common';
import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/password-rules';

export const LoginBody = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) });

export const MembershipInfo = z.object({
  municipalityId: Id,
  municipalityName: z.string(),
  role: Role,
  departmentId: Id.nullable(),
});

export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string(), locale: Locale }),
  current: MembershipInfo,
  memberships: z.array(MembershipInfo),
});
export type Me = z.infer<typeof Me>;

export const SwitchBody = z.object({ municipalityId: Id });

/** A new password: the length here; the server also checks the rest of domain/password-rules. */
export const Password = z.string().min(PASSWORD_MIN, `Mindestens ${PASSWORD_MIN} Zeichen`).max(PASSWORD_MAX);

/**
 * `tokenRequired`: until an administrator exists, setup from another machine needs the one-time setup
 * key printed in the server log at start; from the machine itself it does not.
 */
export const SetupStatus = z.object({ needsSetup: z.boolean(), tokenRequired: z.boolean() });
export const SetupBody = z.object({
  setupToken: z.string().max(200).optional(),
  municipalityName: requiredText(200),
  adminName: requiredText(200),
  adminEmail: z.email().max(200),
  password: Password,
  demoData: z.boolean().default(false),
});

export const UserRow = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: Id.nullable(),
});
export type UserRow = z.infer<typeof UserRow>;

/** Adds a person to the current municipality; creates the account if the e-mail is new. */
export const CreateUserBody = z.object({
  email: z.email().max(200),
  name: requiredText(200),
  role: Role,
  departmentId: Id.nullable().default(null),
  password: Password.optional(),
});
export const UpdateUserBody = z.object({
  name: requiredText(200).optional(),
  role: Role.optional(),
  departmentId: Id.nullable().optional(),
  password: Password.optional(),
});

export const ProfileBody = z.object({ name: requiredText(200).optional(), locale: Locale.optional() });

export const CreateMunicipalityBody = z.object({ name: requiredText(200), defaultStructure: z.boolean().default(true) });
