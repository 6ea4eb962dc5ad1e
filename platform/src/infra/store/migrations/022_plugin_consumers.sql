-- What department plugins contributed to an application (docs/intake.md "Plugins"). A draft keeps
-- what its last save (or its opening, for prefill) was told: fees, materials a plugin requires,
-- its issues and where prefilled values came from, so reading the draft shows them without calling
-- the plugins again. An application keeps the fees it was filed with and the exact plugin versions
-- that served its submit: its case calls those versions later, whatever is enabled by then.
ALTER TABLE drafts ADD COLUMN plugins jsonb;
ALTER TABLE applications ADD COLUMN fees jsonb;
ALTER TABLE applications ADD COLUMN plugin_versions jsonb NOT NULL DEFAULT '{}'::jsonb;
