-- The protocol's document kept in its row on H2 (issue 16): a CHARACTER VARYING instead of a CLOB.
-- H2 stores each CLOB value apart from its row, encoded to UTF-8 on every write and streamed back
-- decoded on every read; a negotiation rewrites the protocol's document (about 16 KB of JSON) at
-- each step and reads it back with each step's row lock, some 1.25 MB of encoding and decoding a
-- negotiation (docs/PERFORMANCE.md section 37). H2 keeps a CHARACTER VARYING in the row, up to its
-- longest, 1,000,000,000 characters, far beyond the 16,000,000 a protocol document may have when
-- read (json-format.md, "Reading limits"). Existing rows keep their text, NOT NULL stays. On
-- PostgreSQL the column stays TEXT (stored in its row or TOASTed by the server), and nothing changes.
${inline_text:plie_protocol.document};
