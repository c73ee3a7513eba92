-- Application deadlines: a secret iCal feed per municipality and the record of e-mail reminders.

-- Calendar apps cannot send cookies, so the feed URL carries a random token; only its HMAC is stored.
CREATE TABLE calendar_feed (
  municipality_id uuid PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per deadline (item_key names the source or programme window and its date) and reminder mark
-- (days before). The row is claimed before the mail goes out, so with several app instances each
-- reminder is sent once; a claim whose sending failed is removed again (or expires) and retried later.
CREATE TABLE reminder_sent (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  days_before int NOT NULL CHECK (days_before >= 0),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  recipients int NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, item_key, days_before)
);
