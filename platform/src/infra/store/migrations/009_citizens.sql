-- Citizens are users with role 'citizen' whose user name is their normalised 居民身份证号, so the
-- ordinary login logs them in; the profile holds what a staff account does not have.
CREATE TABLE citizens (
  user_id    integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  name       text NOT NULL,
  id_number  text NOT NULL UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  phone      text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Registration attempts per address, kept like login_failures so the limit holds across processes:
-- each attempt that reaches the existence check answers whether a number is registered.
CREATE TABLE citizen_registration_attempts (
  id  bigserial PRIMARY KEY,
  ip  text NOT NULL,
  at  timestamptz NOT NULL
);
CREATE INDEX citizen_registration_attempts_ip ON citizen_registration_attempts (ip, at);
