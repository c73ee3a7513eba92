import nodemailer from 'nodemailer';
import type { Config } from '../../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers: Record<string, string>;
  /** stable per outbox row: a receiving server that dedupes by Message-ID drops a copy sent again by hand */
  messageId: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects with its answer otherwise. */
  send(msg: OutgoingMail): Promise<void>;
  close(): void;
}

/** The SMTP connection options from `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465` (TLS). */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    // a hanging server must not hold the outbox worker for minutes
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}

/**
 * Sends mail through the configured SMTP server only: never sendmail, never a well-known service, and
 * messages cannot pull in files or URLs. Returns null when SMTP_URL is not set: then the app makes no
 * outbound connection at all and notifications stay in the app.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport({
    ...smtpOptions(config.smtpUrl),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const from = config.mailFrom ?? 'Roter Faden <no-reply@localhost>';
  return {
    async send(msg) {
      await transport.sendMail({
        from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html ?? undefined,
        headers: msg.headers,
        messageId: msg.messageId,
        // plain German text stays readable in the raw message, umlauts included
        textEncoding: 'quoted-printable',
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transport.close(),
  };
}
