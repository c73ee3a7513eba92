-- Notifications (issue 14): one in-app list per user and municipality, per-kind e-mail preferences,
-- and a mail outbox that every e-mail of the app goes through (written in the transaction of the
-- change that causes it, sent by a worker with retries, never twice).

CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind text NOT NULL,
  -- the values the kind's sentence names (rendered in the reader's language), and an app path to open
  params jsonb NOT NULL DEFAULT '{}',
  link text,
  -- a ready German e-mail (subject, text, html) when the kind writes a richer one than the generic mail
  mail jsonb,
  -- the same event reaches a person once (e.g. 'deadline:<item>@<date>:14')
  event_key text,
  -- what is still to be mailed: 'immediate' (next worker run), 'digest' (next daily digest), null (nothing)
  mail_state text CHECK (mail_state IN ('immediate', 'digest')),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notification_list ON notification (user_id, municipality_id, created_at DESC);
CREATE INDEX notification_unread ON notification (user_id, municipality_id) WHERE read_at IS NULL;
CREATE INDEX notification_mail ON notification (mail_state, created_at) WHERE mail_state IS NOT NULL;
CREATE UNIQUE INDEX notification_event ON notification (user_id, municipality_id, kind, event_key) WHERE event_key IS NOT NULL;

-- One row per user and kind that differs from the kind's default (see notifications/kinds.ts).
CREATE TABLE notification_preference (
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('immediate', 'digest', 'off')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid REFERENCES municipality(id) ON DELETE CASCADE,
  user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  kind text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  headers jsonb NOT NULL DEFAULT '{}',
  -- pending → sending (claimed, committed before the SMTP conversation) → sent | pending (retry) | failed
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text,
  -- the event that caused the mail ('notification:<id>', 'digest:<user>:<municipality>:<day>'): never two mails for one
  idempotency_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_sending ON mail_outbox (lease_until) WHERE status = 'sending';
CREATE INDEX mail_outbox_list ON mail_outbox (municipality_id, created_at DESC);
