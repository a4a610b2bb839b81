package io.oscar.testkit;

import io.oscar.engine.db.ConnectionSpec;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A MySQL 8.4 primary+replica in Docker, for machines where a Docker engine answers. Same image,
 * flags and init scripts (accounts, replication) as docker-compose.yml. Containers live for the JVM (Ryuk removes them).
 */
final class ContainerPair {
    private static final DockerImageName IMAGE = DockerImageName.parse("mysql:8.4");
    private static final String ROOT_PASSWORD = "root";
    private static final String OSCAR_PASSWORD = "oscar";

    private final ConnectionSpec primary;
    private final ConnectionSpec replica;

    private ContainerPair(ConnectionSpec primary, ConnectionSpec replica) {
        this.primary = primary;
        this.replica = replica;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    static ContainerPair start() {
        Network network = Network.newNetwork();
        GenericContainer<?> p = server(network, "mysql-master", 1, "docker/master-init");
        GenericContainer<?> r = server(network, "mysql-replica", 2, "docker/replica-init");
        p.start();
        r.start(); // its init script starts replication from mysql-master
        return new ContainerPair(
                new ConnectionSpec(p.getHost(), p.getMappedPort(3306), "oscar", OSCAR_PASSWORD, null),
                new ConnectionSpec(r.getHost(), r.getMappedPort(3306), "oscar", OSCAR_PASSWORD, null));
    }

    /** Image, flags and init scripts come from docker-compose.yml: one definition for both. */
    private static GenericContainer<?> server(Network network, String alias, int serverId, String initDir) {
        List<String> flags = composeCommand(alias);
        if (flags.stream().noneMatch(f -> f.equals("--server-id=" + serverId))) {
            throw new IllegalStateException("docker-compose.yml: " + alias + " should have --server-id=" + serverId);
        }
        return new GenericContainer<>(IMAGE)
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withEnv("MYSQL_ROOT_PASSWORD", ROOT_PASSWORD)
                .withExposedPorts(3306)
                .withCopyFileToContainer(MountableFile.forHostPath(ProjectDir.resolve(initDir)), "/docker-entrypoint-initdb.d/")
                .withCommand(flags.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1)
                        .withStartupTimeout(Duration.ofMinutes(3)));
    }

    @SuppressWarnings("unchecked")
    static List<String> composeCommand(String service) {
        try (Reader in = Files.newBufferedReader(ProjectDir.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            Map<String, Object> svc = (Map<String, Object>) services.get(service);
            return List.copyOf((List<String>) svc.get("command"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConnectionSpec primary() {
        return primary;
    }

    ConnectionSpec replica() {
        return replica;
    }
}
