package io.oscar.engine.throttle;

import java.util.OptionalLong;

/** Replica lag in milliseconds, measured from oscar's heartbeat; empty when unknown. */
public interface LagSource {
    OptionalLong lagMillis();
}
