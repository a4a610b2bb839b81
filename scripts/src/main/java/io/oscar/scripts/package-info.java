/**
 * The Groovy plan language: a base script class whose methods record steps, and a loader that
 * turns a {@code .groovy} plan file into the engine's immutable plan value. Never writes to a server.
 */
package io.oscar.scripts;
