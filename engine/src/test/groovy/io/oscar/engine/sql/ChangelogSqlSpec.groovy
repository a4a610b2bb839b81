package io.oscar.engine.sql

import io.oscar.engine.schema.TableName
import spock.lang.Specification

class ChangelogSqlSpec extends Specification {
    static final TableName GHC = new TableName('try_osc', '_baseitem_ghc')

    def "#what"() {
        expect:
        statement.sql().replaceAll(/\s+/, ' ') == sql
        statement.args() == args

        where:
        what        | statement                                           || sql                                                                                                                      | args
        'heartbeat' | ChangelogSql.write(GHC, 'heartbeat', '2026-11-23T10:00:00.123456Z') || '/* oscar _baseitem_ghc heartbeat */ INSERT INTO `try_osc`.`_baseitem_ghc` (hint, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)' | ['heartbeat', '2026-11-23T10:00:00.123456Z']
        'read'      | ChangelogSql.read(GHC, 'state')                     || '/* oscar _baseitem_ghc read state */ SELECT value FROM `try_osc`.`_baseitem_ghc` WHERE hint = ?'                       | ['state']
        'drop'      | ChangelogSql.drop(GHC)                              || '/* oscar _baseitem_ghc drop */ DROP TABLE IF EXISTS `try_osc`.`_baseitem_ghc`'                                         | []
    }

    def "a tag cannot close its comment early"() {
        expect:
        SqlStatement.of('evil */ DROP TABLE x; /*', 'SELECT 1').sql().startsWith('/* oscar evil * / DROP TABLE x; /* */ SELECT 1')
    }
}
