/**
 * ALTER analysis, pure and without a database: reads an operator's ALTER text with JSqlParser, refuses
 * what it cannot read or oscar cannot do online, applies the rest to a {@link io.oscar.engine.schema.TableSchema}
 * to predict the table after the change, and derives what a migration needs from that: the clause text
 * for the ghost table, the column mapping (renames, drops, adds), type changes, key and foreign key
 * changes, and the key shared by old and new table that rows are copied and replayed by (gh-ost's rule,
 * {@link io.oscar.engine.alter.SharedKeys}).
 *
 * <p>This package never talks to a server and never builds SQL beyond echoing the operator's clauses.
 */
package io.oscar.engine.alter;
