-- The ledger's journal becomes the grant's record of truth (issue 11): each row holds the whole command
-- applied (its plie/global-grant journal entry, JSON), so that a grant is rebuilt from its rows in
-- order and its document no longer carries the journal. The column revision is the row's sequence
-- number in its grant (1, 2, ...: the grant revision the command made), unique with the grant. Rows
-- written before this version have no command: the grant's document still holds those commands.
ALTER TABLE plie_ledger_entry ADD COLUMN command ${text};
-- Append-only in the database itself: an UPDATE or a DELETE of a row is refused, whoever sends it
-- (a trigger on PostgreSQL, TRUNCATE refused too; a Java trigger on H2).
${append_only:plie_ledger_entry}
