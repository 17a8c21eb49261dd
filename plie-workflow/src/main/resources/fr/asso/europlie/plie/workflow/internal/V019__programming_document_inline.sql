-- The programming's document kept in its row on H2 (issue 16): a CHARACTER VARYING instead of a
-- CLOB, as script V018 did for the protocol's. H2 stores each CLOB value apart from its row, encoded
-- to UTF-8 on every write and decoded again on every read; process B rewrites the programming's
-- document (about 8.5 KB of JSON) at each step and reads it back with each step's row lock
-- (docs/PERFORMANCE.md section 39). H2 keeps a CHARACTER VARYING in the row, up to its longest,
-- 1,000,000,000 characters, far beyond the 16,000,000 a programming document may have when read
-- (json-format.md, "Reading limits"). Existing rows keep their text, NOT NULL stays. On PostgreSQL
-- the column stays TEXT (stored in its row or TOASTed by the server), and nothing changes.
${inline_text:plie_programming.document};
