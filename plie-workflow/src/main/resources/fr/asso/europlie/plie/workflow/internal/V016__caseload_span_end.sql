-- The caseload spans by their end (issue 12): a referent's spans that overlap a stretch of days are
-- those still open (end_day IS NULL) and those that end after its first day, two ranges of this
-- index, so that reading a caseload no longer scans the referent's whole history of assignments
-- (the index on the first day bounds them from above only). JdbcCohortCounts reads the two ranges
-- as one UNION ALL, which H2 and PostgreSQL both answer from this index.
CREATE INDEX plie_caseload_span_referent_end ON plie_caseload_span (plan_id, referent_id, end_day);
