package io.oscar.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder, for tests that read files outside their module (examples, docker-compose.yml). */
public final class ProjectDir {
    private ProjectDir() {
    }

    public static Path get() {
        String env = System.getenv("OSCAR_PROJECT_DIR");
        if (env != null && Files.isRegularFile(Path.of(env, "docker-compose.yml"))) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml")) && Files.isDirectory(p.resolve("engine"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the oscar project folder from " + Path.of("").toAbsolutePath());
    }

    public static Path resolve(String relative) {
        return get().resolve(relative);
    }
}
