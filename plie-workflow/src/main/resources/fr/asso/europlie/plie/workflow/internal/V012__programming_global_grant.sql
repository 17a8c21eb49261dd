-- The OI's global grant a programming draws its FSE+ from (issue 10): named when the call opens and
-- kept with the programming, so that each decision and amendment of the year is checked against what
-- the grant still has available. Null for a programming opened without a grant, or opened before this
-- version (such a programming is not checked against a grant, as before).
ALTER TABLE plie_programming ADD COLUMN global_grant VARCHAR(100);
