import { randomInt } from 'node:crypto';
import type { Db } from '../../db/client';
import type { ParticipantCode } from '../../../contract/workshops';
import { AppError, conflict, notFound } from '../../errors';
import { CODE_ALPHABET } from './workshops.service';

/**
 * Named participants (issue 14): the facilitator lists the people, each gets a personal code, and only
 * those join. The code is the person's key to their one dot budget, on as many devices as they like.
 *
 * Codes are kept readable (not hashed) because the facilitator prints and reprints the list; only
 * editors of the municipality see them. 10 characters of a 24-letter alphabet (about 6·10¹³ codes),
 * and joins are rate-limited per client, so guessing one is hopeless.
 */
export const PERSONAL_CODE_LENGTH = 10;
export const displayPersonalCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A new personal code no participant of any municipality holds. */
export async function newPersonalCode(db: Db): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = Array.from({ length: PERSONAL_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const [taken] = await db.query('SELECT 1 FROM participant WHERE personal_code = $1', [code]);
    if (!taken) return code;
  }
  throw new AppError(503, 'unavailable', 'unavailable.personal_code');
}

/**
 * Before a workshop admits named participants only: accounts already taking part get their code;
 * guests who joined by the workshop code would keep a budget nobody listed, so they must go first.
 */
export async function prepareNamedAdmission(t: Db, municipalityId: string, workshopId: string) {
  const [{ n }] = await t.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND user_id IS NULL AND personal_code IS NULL',
    [municipalityId, workshopId],
  );
  if (n > 0) {
    throw conflict({ key: 'conflict.guests_joined', params: { n } });
  }
  const accounts = await t.query<{ id: string }>('SELECT id FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND personal_code IS NULL', [municipalityId, workshopId]);
  for (const a of accounts) await t.query('UPDATE participant SET personal_code = $2 WHERE id = $1', [a.id, await newPersonalCode(t)]);
}

/** The printable list: every participant with a personal code, and the link their QR code opens. */
export async function listCodes(db: Db, municipalityId: string, workshopId: string, baseUrl: string): Promise<ParticipantCode[]> {
  const rows = await db.query<{ id: string; name: string; group_id: string | null; personal_code: string }>(
    'SELECT id, name, group_id, personal_code FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND personal_code IS NOT NULL ORDER BY name',
    [municipalityId, workshopId],
  );
  return rows.map((r) => {
    const code = displayPersonalCode(r.personal_code);
    return { participantId: r.id, name: r.name, groupId: r.group_id, code, url: `${baseUrl}/join/${code}` };
  });
}

/**
 * A lost or passed-on slip: the person gets a new code, and every device that joined with the old one
 * is signed out of the workshop (their dots stay the person's).
 */
export async function renewPersonalCode(db: Db, municipalityId: string, workshopId: string, participantId: string): Promise<string> {
  return db.tx(async (t) => {
    const [p] = await t.query<{ personal_code: string | null }>(
      'SELECT personal_code FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND id = $3 FOR UPDATE',
      [municipalityId, workshopId, participantId],
    );
    if (!p) throw notFound('participant');
    if (!p.personal_code) throw conflict('conflict.no_personal_code');
    const code = await newPersonalCode(t);
    await t.query('UPDATE participant SET personal_code = $2, device_hash = NULL WHERE id = $1', [participantId, code]);
    await t.query('DELETE FROM named_device WHERE participant_id = $1', [participantId]);
    return displayPersonalCode(code);
  });
}

export async function personalCodeOf(db: Db, municipalityId: string, workshopId: string, participantId: string): Promise<string | null> {
  const [row] = await db.query<{ personal_code: string | null }>(
    'SELECT personal_code FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND id = $3',
    [municipalityId, workshopId, participantId],
  );
  return row?.personal_code ? displayPersonalCode(row.personal_code) : null;
}
