package io.oscar.rehearsal

import io.oscar.testkit.ProjectDir
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared
import spock.lang.Specification

/**
 * Docker does not run on the build machines, so docker-compose.yml is checked by reading it: the
 * services, ports and binlog flags every oscar command relies on, and the replica's set-up script.
 */
class DockerComposeSpec extends Specification {
    @Shared Map compose = new Yaml().load(ProjectDir.resolve('docker-compose.yml').toFile().text)

    def "#service runs MySQL 8.x on host port #port"() {
        given:
        def svc = compose.services[service]

        expect:
        svc.image ==~ /mysql:8\.(0|4)(\..*)?/
        svc.ports == ["${port}:3306".toString()]
        svc.environment.MYSQL_ROOT_PASSWORD

        where:
        service         | port
        'mysql-master'  | 3307
        'mysql-replica' | 3308
    }

    def "#service logs ROW events with full images and GTIDs"() {
        given:
        List<String> cmd = compose.services[service].command

        expect:
        ['--log-bin=mysql-bin', '--binlog-format=ROW', '--binlog-row-image=FULL', '--binlog-row-metadata=FULL',
         '--gtid-mode=ON', '--enforce-gtid-consistency=ON', '--log-replica-updates=ON'].every { it in cmd }
        cmd.count { it.startsWith('--server-id=') } == 1

        where:
        service << ['mysql-master', 'mysql-replica']
    }

    def "the two servers have distinct server ids, and the replica waits for a healthy master"() {
        given:
        def ids = compose.services.values().collect { svc -> svc.command.find { it.startsWith('--server-id=') } }

        expect:
        ids.unique(false).size() == 2
        compose.services['mysql-replica'].depends_on['mysql-master'].condition == 'service_healthy'
        compose.services['mysql-master'].healthcheck
    }

    def "the replica's init script starts GTID replication from mysql-master"() {
        given:
        def replicaInit = compose.services['mysql-replica'].volumes.find { it.contains('/docker-entrypoint-initdb.d') }
        def dir = ProjectDir.resolve(replicaInit.split(':')[0].replaceFirst('^\\./', ''))
        def sql = dir.toFile().listFiles().findAll { it.name.endsWith('.sql') }*.text.join('\n')

        expect:
        sql.contains("SOURCE_HOST = 'mysql-master'")
        sql.contains('SOURCE_AUTO_POSITION = 1')
        sql.contains('START REPLICA')
        sql.contains("CREATE USER 'oscar'")
    }

    def "primary and replica grant oscar the same privileges"() {
        given:
        def grants = { String path ->
            (ProjectDir.resolve(path).toFile().text =~ /GRANT ([^;]*?) ON \*\.\* TO 'oscar'/).collect { it[1].replaceAll(/\s+/, ' ') }
        }

        expect:
        grants('docker/master-init/01-accounts.sql') == grants('docker/replica-init/01-replica.sql')
        grants('docker/master-init/01-accounts.sql').size() == 1
    }
}
