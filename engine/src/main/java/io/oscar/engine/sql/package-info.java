/**
 * SQL text, built by pure functions: statements with bound arguments and a tag comment
 * ({@code /* oscar baseitem copy *&#47;}) so they are visible in the processlist, identifiers always
 * quoted. Also the one place artifact table names ({@code _t_gho}, {@code _t_ghc}, {@code _t_del}) come from.
 * Executes nothing.
 */
package io.oscar.engine.sql;
