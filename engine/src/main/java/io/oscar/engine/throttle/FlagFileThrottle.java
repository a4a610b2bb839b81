package io.oscar.engine.throttle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Throttles while a file exists (gh-ost's --throttle-flag-file): lets scripts pause a migration. */
public final class FlagFileThrottle implements Throttler {
    private final Path flag;

    public FlagFileThrottle(Path flag) {
        this.flag = flag;
    }

    @Override
    public Optional<String> throttleReason() {
        return Files.exists(flag) ? Optional.of("flag file " + flag + " exists") : Optional.empty();
    }
}
