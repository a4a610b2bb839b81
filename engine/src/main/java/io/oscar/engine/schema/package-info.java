/**
 * Immutable value records describing tables as oscar sees them: names, columns, keys, foreign keys
 * in both directions, triggers. Built by the inspector (from a live server) and by the ALTER analysis
 * (the table after the change); no I/O here.
 */
package io.oscar.engine.schema;
