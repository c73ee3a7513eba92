/**
 * Which new passwords Roter Faden accepts, after NIST SP 800-63B (5.1.1.2): length is what makes a
 * password strong, so there are no composition rules ("one digit, one special character"); instead a
 * password must be long enough and must not be one an attacker tries first — a common or breached one,
 * a keyboard walk, one repeated character, or built on the person's own e-mail, name or municipality.
 * The rule applies when a password is set; accounts with older, shorter passwords can still sign in.
 * Pure, so the server and the web app judge the same way (the list of common passwords is the server's).
 */

export const PASSWORD_MIN = 12;
/** NIST asks for at least 64; the contract's limit keeps argon2's input bounded. */
export const PASSWORD_MAX = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'repeated' | 'sequence' | 'common' | 'personal';

/** Lower case with umlauts spelled out, so "Passwört" and "passwoert" are the same word. */
export function foldPassword(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

// "P@ssw0rt" is "passwort" to an attacker's rule set too.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const unLeet = (s: string) => s.replace(/[013457@$!]/g, (c) => LEET[c]);
/** Without the digits and symbols around it: "!Sommer2024" → "sommer". */
const core = (folded: string) => folded.replace(/^[^a-z]+|[^a-z]+$/g, '');
const lettersOnly = (s: string) => s.replace(/[^a-z]/g, '');

/** The forms of a password that are looked up in the list of common passwords. */
export function commonForms(password: string): string[] {
  const f = foldPassword(password);
  const c = core(f);
  const forms = [f, f.replace(/[^a-z0-9]/g, ''), c, unLeet(c), lettersOnly(unLeet(c)), lettersOnly(f)];
  return [...new Set(forms)].filter((x) => x.length >= 4);
}

/**
 * One character or a group over and over: "aaaaaaaaaaaa", "abababababab", "hallo123hallo123". A group
 * shorter than the minimum length repeated is no stronger than that group alone.
 */
function isRepeated(f: string): boolean {
  const again = new RegExp(`^(.{1,${PASSWORD_MIN - 1}})\\1+$`, 'su');
  return again.test(f) || again.test(f.replace(/[^a-z0-9]/g, ''));
}

// Rows of the alphabet, the digits (9 → 0 wraps as on the keyboard) and German and English keyboards.
const ROWS = ['abcdefghijklmnopqrstuvwxyz', '12345678901', 'qwertzuiopue', 'asdfghjkloeae', 'yxcvbnm', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Neighbours on one row, in either direction. */
const adjacent = (a: string, b: string) => ROWS.some((row) => row.includes(a + b) || row.includes(b + a));

/**
 * A walk along the alphabet, the digits or a keyboard row, in up to three runs of at least three
 * characters and at most two characters besides: "abcdefghijkl", "qwertzuiop123", "asdfghjklöä1".
 */
function isSequence(f: string): boolean {
  const s = f.replace(/[^a-z0-9]/g, '');
  if (s.length < 3) return false;
  const pieces: number[] = [1];
  for (let i = 1; i < s.length; i++) {
    if (adjacent(s[i - 1], s[i])) pieces[pieces.length - 1]++;
    else pieces.push(1);
  }
  const runs = pieces.filter((n) => n >= 3);
  const inRuns = runs.reduce((a, n) => a + n, 0);
  return runs.length >= 1 && runs.length <= 3 && s.length - inRuns <= 2;
}

/** The words of an e-mail address, a name or a municipality that a password must not be built on. */
export function personalWords(values: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    const f = foldPassword(v);
    const [local, domain = ''] = f.split('@');
    for (const w of [f, ...local.split(/[^a-z0-9]+/), ...domain.split('.'), lettersOnly(local)]) {
      if (w.length >= 3) words.add(w);
    }
  }
  // Longest first, so that "musterstadt" is taken out before "muster".
  return [...words].sort((a, b) => b.length - a.length);
}

/** Built on personal words: what is left after taking them out has fewer than four letters. */
function isPersonal(f: string, words: string[]): boolean {
  if (!words.length) return false;
  let rest = unLeet(f);
  let plain = f;
  let hit = false;
  for (const w of words) {
    if (rest.includes(w) || plain.includes(w)) hit = true;
    rest = rest.split(w).join('');
    plain = plain.split(w).join('');
  }
  return hit && Math.min(lettersOnly(rest).length, lettersOnly(plain).length) < 4;
}

/**
 * The first reason a new password is refused, or null. `common` holds the folded entries of the list
 * of common and breached passwords; `personal` the person's e-mail, name and municipality.
 */
export function passwordProblem(
  password: string,
  opts: { common?: ReadonlySet<string>; personal?: (string | null | undefined)[] } = {},
): PasswordProblem | null {
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const f = foldPassword(password);
  if (isRepeated(f)) return 'repeated';
  if (isSequence(f)) return 'sequence';
  const common = opts.common;
  if (common && commonForms(password).some((form) => common.has(form))) return 'common';
  if (isPersonal(f, personalWords(opts.personal ?? []))) return 'personal';
  return null;
}

/** The German messages (the server's); the web app shows its own in the user's language. */
export const PASSWORD_PROBLEM_DE: Record<PasswordProblem, string> = {
  too_short: `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`,
  too_long: `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`,
  repeated: 'Das Passwort besteht nur aus einem wiederholten Zeichen oder Muster. Bitte wählen Sie ein anderes.',
  sequence: 'Das Passwort ist eine Zeichenfolge wie „abcdef“, „123456“ oder eine Tastaturreihe. Bitte wählen Sie ein anderes.',
  common: 'Dieses Passwort ist sehr verbreitet oder aus Datenlecks bekannt und wird zuerst ausprobiert. Bitte wählen Sie ein anderes, z. B. mehrere Wörter.',
  personal: 'Das Passwort beruht auf Ihrer E-Mail-Adresse, Ihrem Namen oder dem Namen der Kommune. Bitte wählen Sie ein anderes.',
};
