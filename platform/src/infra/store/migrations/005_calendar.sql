-- Working-day calendars as data, per region: 'CN' holds the State Council notices; a locality
-- (6-digit 行政区划代码) inherits from its parent and stores only its own adjustments. Like the
-- notices, a year stores only the exceptions to Monday–Friday: weekday holidays and weekend
-- make-up working days, each [{date, name}].
CREATE TABLE calendar_regions (
  code   text PRIMARY KEY CHECK (code = 'CN' OR code ~ '^[0-9]{6}$'),
  parent text REFERENCES calendar_regions (code),
  CHECK ((code = 'CN') = (parent IS NULL))
);
INSERT INTO calendar_regions (code, parent) VALUES ('CN', NULL);

CREATE TABLE calendar_years (
  region     text NOT NULL REFERENCES calendar_regions (code),
  year       integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
  holidays   jsonb NOT NULL,
  workdays   jsonb NOT NULL,
  -- The notice the year follows (文号 or title): a deadline must be traceable to its source.
  source     text NOT NULL,
  -- The user name of whoever changed it last; 'system' for the data seeded at start.
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (region, year)
);
