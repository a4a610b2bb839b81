/**
 * Connections to MySQL and MariaDB servers: where to connect ({@link io.oscar.engine.db.ConnectionSpec}),
 * opening a JDBC connection with errors that name host, port and user ({@link io.oscar.engine.db.Connector}),
 * and what kind of server answered ({@link io.oscar.engine.db.ServerFlavor}). Builds no migration SQL.
 */
package io.oscar.engine.db;
