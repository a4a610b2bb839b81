/**
 * Reads what oscar needs to know about a live server, and nothing else: a table's structure and size
 * ({@link io.oscar.engine.schema.TableSchema}), the foreign keys in both directions and the tree of
 * tables that reference a table, binlog settings, replica status, the current user's global
 * privileges, and schema/table names for completion. {@link io.oscar.engine.inspect.Inspector} is
 * the one public entry; the readers behind it are one per information_schema view.
 *
 * <p>Everything here is read-only: no writes, no session variables changed, values always bound.
 * Differences between MySQL 5.7/8.x and MariaDB 10.3+/11.x are absorbed here, so callers see one form:
 * column defaults as SQL text (see {@code DefaultValues}), replica status under one set of names,
 * binlog variables that a server lacks as null. Every {@link java.sql.SQLException} leaves as an
 * {@link io.oscar.engine.api.OscarException} naming the server and what was being read.
 *
 * <p>Server quirks to know: MariaDB stores JSON as {@code longtext} with a {@code json_valid} CHECK
 * (DATA_TYPE says {@code longtext}); MySQL 8 caches TABLES statistics (row estimate and sizes may lag
 * by {@code information_schema_stats_expiry}); MariaDB has no {@code @@transaction_isolation} before 11.1.
 */
package io.oscar.engine.inspect;
