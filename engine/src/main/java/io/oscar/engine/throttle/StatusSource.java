package io.oscar.engine.throttle;

import java.util.Map;
import java.util.Set;

/** Reads global status variables (Threads_running...). The SQL implementation lives with the engine. */
public interface StatusSource {

    /** Current values of these variables; unknown names are absent from the result. */
    Map<String, Long> read(Set<String> names);
}
