import { describe, expect, it } from 'vitest';
import { commonForms, passwordProblem, personalWords, PASSWORD_MIN } from './password-rules';

const common = new Set(['passwort', 'password', 'sommer', 'sommer2024', 'hallo123', 'schalke04', 'qwertz']);
const check = (pw: string, personal: string[] = []) => passwordProblem(pw, { common, personal });

describe('password rules (NIST SP 800-63B)', () => {
  it('needs at least 12 characters, counted as characters, not bytes', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(check('aaaaaaaaaa')).toBe('too_short');
    expect(check('Linde-Bach-7')).toBeNull();
    expect(check('Äpfel-Möhre')).toBe('too_short'); // 11 characters, more bytes
    expect(check('x'.repeat(64) + 'Linde-Bach')).toBeNull(); // long passphrases are welcome
    expect(check('Linde-Bach-'.repeat(20))).toBe('too_long');
  });

  it('refuses one repeated character or a short repeated group', () => {
    expect(check('aaaaaaaaaaaa')).toBe('repeated');
    expect(check('AAAAAAAAAAAAAAAA')).toBe('repeated');
    expect(check('abababababab')).toBe('repeated');
    expect(check('123123123123')).toBe('repeated');
  });

  it('refuses walks along the alphabet, the digits and keyboard rows', () => {
    expect(check('abcdefghijklm')).toBe('sequence');
    expect(check('123456789012')).toBe('sequence');
    expect(check('9876543210987')).toBe('sequence');
    expect(check('qwertzuiop123')).toBe('sequence');
    expect(check('asdfghjklöä1')).toBe('sequence');
    expect(check('QWERTYUIOP!!')).toBe('sequence');
  });

  it('refuses common and breached passwords, also with digits and symbols around them or in leetspeak', () => {
    expect(check('passwort1234')).toBe('common');
    expect(check('Passwort1234!')).toBe('common');
    expect(check('P@ssw0rt2024')).toBe('common');
    expect(check('!!Sommer2024!!')).toBe('common');
    expect(check('hallo123hallo123')).toBe('repeated');
    expect(check('Schalke04-Schalke04')).not.toBeNull();
    expect(commonForms('Sommer-2024')).toContain('sommer');
  });

  it("refuses a password built on the person's e-mail, name or municipality", () => {
    const personal = ['anna.admin@musterstadt.example', 'Anna Admin', 'Musterstadt'];
    expect(personalWords(personal)).toContain('musterstadt');
    expect(check('Musterstadt-2026!', personal)).toBe('personal');
    expect(check('anna.admin@musterstadt.example', personal)).toBe('personal');
    expect(check('AnnaAdmin2026!', personal)).toBe('personal');
    expect(check('Mu5terstadt-2026', personal)).toBe('personal');
    // a personal word inside a real passphrase is fine
    expect(check('Musterstadt-Linde-Fahrrad', personal)).toBeNull();
  });

  it('accepts ordinary passphrases and the test passwords', () => {
    for (const pw of ['richtig-geheim-123', 'Rathaus-Linde-Fahrrad-26', 'Bauamt-Bewertung-2026', 'korrekt Pferd Batterie Heftklammer']) {
      expect(check(pw, ['anna@example.org', 'Anna Admin', 'Neustadt'])).toBeNull();
    }
  });

  it('without a list, judges length, repetition, sequences and personal words only', () => {
    expect(passwordProblem('passwort1234')).toBeNull();
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('repeated');
  });
});
