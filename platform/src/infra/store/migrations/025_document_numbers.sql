-- The 文号 register (docs/cases.md "文号", ADR 022): one sequence per issuing department, notice kind
-- and Asia/Shanghai civil year. The act that produces a notice takes the next serial with the
-- sequence row's lock in its own transaction, so a rolled-back act leaves no gap and two acts of
-- one department wait for each other and get consecutive serials.
CREATE TABLE document_number_sequences (
  department_code text NOT NULL REFERENCES departments(code),
  kind            text NOT NULL CHECK (kind IN ('acceptance', 'refusal', 'supplement', 'approval', 'denial')),
  year            integer NOT NULL,
  last_serial     integer NOT NULL CHECK (last_serial > 0),
  PRIMARY KEY (department_code, kind, year)
);

-- Each number issued, with the case it was issued for: the case view lists them, and the unique key
-- says no serial is issued twice. A case may hold several of one kind (a second 补正 notice).
CREATE TABLE case_documents (
  id              bigserial PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES cases(id),
  department_code text NOT NULL,
  kind            text NOT NULL,
  year            integer NOT NULL,
  serial          integer NOT NULL,
  number          text NOT NULL,
  issued_on       date NOT NULL,
  issued_at       timestamptz NOT NULL,
  UNIQUE (department_code, kind, year, serial)
);
CREATE INDEX case_documents_case ON case_documents (case_id, id);
