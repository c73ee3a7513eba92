import { z } from 'zod';
import { Id, Locale, Role, requiredText } from './common';

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

export const Password = z.string().min(10, 'Mindestens 10 Zeichen').max(200);

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export const SetupBody = z.object({
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
