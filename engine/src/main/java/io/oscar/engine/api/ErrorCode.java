package io.oscar.engine.api;

/**
 * Why an oscar operation failed. Stable names: they appear in JSON output and in scripts that
 * check for a particular failure.
 */
public enum ErrorCode {
    /** Host or port cannot be reached. */
    CONNECT_FAILED,
    /** The server refused the user name or password. */
    ACCESS_DENIED,
    /** The account lacks a privilege oscar needs. */
    MISSING_PRIVILEGE,
    /** The server is not a MySQL or MariaDB version oscar supports. */
    UNSUPPORTED_SERVER,
    /** Bad input from the operator: an option, a table name, a connection string. */
    INVALID_ARGUMENT,
    /** The named table (or schema) does not exist. */
    TABLE_NOT_FOUND,
    /** The ALTER text cannot be parsed, or asks for something oscar cannot do online. */
    INVALID_ALTER,
    /** Old and new table share no NOT NULL unique key (gh-ost's shared-key rule). */
    NO_SHARED_KEY,
    /** A preflight check failed: the message says which and what to do. */
    PREFLIGHT_FAILED,
    /** Continuing would lose or change data (truncation, duplicates in a new unique key...). */
    DATA_LOSS,
    /** A critical-load threshold was reached: the migration aborts. */
    CRITICAL_LOAD,
    /** The verification could not reach a consistent point (the applier did not catch up while writes were held). */
    VERIFY_FAILED,
    /** The cut-over did not swap the tables; the original table is intact and the ghost kept. */
    CUTOVER_FAILED,
    /** The operator aborted the migration. */
    ABORTED,
    /** Reading or decoding the binlog failed. */
    BINLOG_FAILED,
    /** A statement failed on the server for a reason not covered above. */
    SQL_FAILED
}
