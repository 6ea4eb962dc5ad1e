-- Login attempts are counted per (user name, address), per address and per user name; the pair
-- count is the one every login meets, so it gets its own index.
CREATE INDEX login_failures_pair ON login_failures (username, ip, at);

-- Addresses a user logged in from successfully: an attacker elsewhere cannot use up the per-user
-- limit for these, so a clerk at the usual desk is never locked out by someone hammering the name.
CREATE TABLE login_known_addresses (
  username      text NOT NULL,
  ip            text NOT NULL,
  last_login_at timestamptz NOT NULL,
  PRIMARY KEY (username, ip)
);
CREATE INDEX login_known_addresses_age ON login_known_addresses (last_login_at);
