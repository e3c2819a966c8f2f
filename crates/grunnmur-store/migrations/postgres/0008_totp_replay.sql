-- TOTP codes are accepted once (RFC 6238, 5.2): the last time step (Unix time / 30) an account
-- signed in, confirmed or turned off its second factor with. A code of that step or an earlier
-- one is refused. NULL: none used yet. Released migrations are never edited.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
