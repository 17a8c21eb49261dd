-- The participant's document kept in its row on H2 (issue 16), as scripts V018 and V019 did for the
-- protocol's and the programming's: a CHARACTER VARYING instead of a CLOB. In a database file H2
-- keeps a CLOB value of more than 256 bytes apart from its row, in its LOB storage, written on each
-- insert and update and read back on each read: every command on a participant and every report
-- over the store paid it, 100,000 times for a report over 100,000 participants. H2 keeps a
-- CHARACTER VARYING in the row, up to its longest, 1,000,000,000 characters, far beyond what a
-- participant's document may have when read (json-format.md, "Reading limits"). Existing rows keep
-- their text and their order of joining (seq), NOT NULL stays. On PostgreSQL the column stays TEXT,
-- and nothing changes.
${inline_text:plie_participant.document};
