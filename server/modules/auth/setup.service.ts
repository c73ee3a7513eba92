import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { createDefaultStructure } from '../concept/concept.service';
import { loadDemoData } from '../../db/seed/demo';
import { hashPassword } from './auth.service';
import { assertAcceptablePassword } from './passwords';

export async function needsSetup(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM app_user');
  return (row?.n ?? 0) === 0;
}

/**
 * First start: the first municipality and its admin, optionally filled with Musterstadt's demo data.
 * Runs once; the check and the inserts share a transaction so two browsers cannot both set up.
 */
export async function runSetup(
  db: Db,
  input: { municipalityName: string; adminName: string; adminEmail: string; password: string; demoData: boolean },
) {
  assertAcceptablePassword(input.password, [input.adminEmail, input.adminName, input.municipalityName]);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (t) => {
    if (t.kind === 'postgres') await t.query('LOCK TABLE app_user IN EXCLUSIVE MODE');
    if (!(await needsSetup(t))) throw new AppError(409, 'setup_done');
    const [{ id: municipalityId }] = await t.query<{ id: string }>('INSERT INTO municipality (name) VALUES ($1) RETURNING id', [input.municipalityName]);
    const [{ id: userId }] = await t.query<{ id: string }>(
      'INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [input.adminEmail, input.adminName, passwordHash],
    );
    await t.query(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'admin')`, [municipalityId, userId]);
    if (input.demoData) await loadDemoData(t, { municipalityId, userId, userName: input.adminName });
    else await createDefaultStructure(t, municipalityId);
    return { userId, municipalityId };
  });
}
