package io.oscar.engine.migrate;

import java.time.Clock;
import java.time.Duration;

/** The one seam for waiting and for the time: tests replace it to run without real sleeps. */
public interface Pacer {

    /** Waits this long, or less when interrupted (then the interrupt flag is set again). */
    void pause(Duration d);

    Clock clock();

    static Pacer system() {
        return new Pacer() {
            @Override
            public void pause(Duration d) {
                try {
                    Thread.sleep(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
    }
}
