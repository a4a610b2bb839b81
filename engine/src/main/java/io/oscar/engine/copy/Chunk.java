package io.oscar.engine.copy;

import java.util.List;

/**
 * Rows with key in {@code (from, to]}; {@code from} is null for the first chunk.
 *
 * @param number 1-based, for progress and logs
 */
public record Chunk(int number, List<Object> from, List<Object> to) {
}
