-- The documents rewritten whole at each step compressed with lz4 instead of pglz on PostgreSQL
-- (issue 16): a protocol's (about 16 KB of JSON, 4.6 KB once compressed, so stored out of line,
-- rewritten at each step of a negotiation) and a programming's (about 8.5 KB, rewritten at each step
-- of process B). lz4 compresses them for less of the server's time (docs/PERFORMANCE.md section 34).
-- Only on a server that offers lz4 (PostgreSQL 14 or later, built with it); elsewhere, and on H2,
-- nothing changes. The text stored and read back is the same; rows written before keep pglz until
-- they are next written.
${compression:plie_protocol.document=lz4};
${compression:plie_programming.document=lz4};
