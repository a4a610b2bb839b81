package io.oscar.engine.sql

import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import spock.lang.Specification

import java.time.Duration

class CutOverSqlSpec extends Specification {
    static final TableName T = new TableName('try_osc', 'baseitem')
    static final TableName DEL = new TableName('try_osc', '_baseitem_del')
    static final TableName GHO = new TableName('try_osc', '_baseitem_gho')
    static final TableName CHILD = new TableName('try_osc', 'referringitem')
    static final ForeignKey FK = new ForeignKey('baseitem_id_refs_id_2d6ba49a', CHILD, ['baseitem_id'], T, ['id'], 'RESTRICT', 'RESTRICT')
    static final ForeignKey CASCADING = new ForeignKey('fk2', CHILD, ['a', 'b'], T, ['x', 'y'], 'cascade', 'SET NULL')

    def "#what"() {
        expect:
        statement.sql().replaceAll(/\s+/, ' ') == sql
        statement.args() == args

        where:
        what                  | statement                                        || sql                                                                                                                                       | args
        'sentry'              | CutOverSql.createSentry(DEL)                     || "/* oscar _baseitem_del sentry create */ CREATE TABLE `try_osc`.`_baseitem_del` (id int NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB COMMENT='oscar cut-over sentry'" | []
        'sentry drop'         | CutOverSql.dropSentry(DEL)                       || '/* oscar _baseitem_del sentry drop */ DROP TABLE `try_osc`.`_baseitem_del`'                                                             | []
        'sentry clean-up'     | CutOverSql.dropSentryIfExists(DEL)               || '/* oscar _baseitem_del sentry drop */ DROP TABLE IF EXISTS `try_osc`.`_baseitem_del`'                                                   | []
        'lock'                | CutOverSql.lockWrite('baseitem', [T, DEL])       || '/* oscar baseitem cutover lock */ LOCK TABLES `try_osc`.`baseitem` WRITE, `try_osc`.`_baseitem_del` WRITE'                            | []
        'unlock'              | CutOverSql.unlock('baseitem')                    || '/* oscar baseitem cutover unlock */ UNLOCK TABLES'                                                                                      | []
        'rename'              | CutOverSql.swap(T, DEL, GHO)                     || '/* oscar baseitem cutover rename */ RENAME TABLE `try_osc`.`baseitem` TO `try_osc`.`_baseitem_del`, `try_osc`.`_baseitem_gho` TO `try_osc`.`baseitem`' | []
        'lock wait, rounded up' | CutOverSql.lockWaitTimeout(Duration.ofMillis(2500)) || '/* oscar cutover lock_wait_timeout */ SET SESSION lock_wait_timeout = 3'                                                            | []
        'lock wait, at least 1' | CutOverSql.lockWaitTimeout(Duration.ofMillis(10))   || '/* oscar cutover lock_wait_timeout */ SET SESSION lock_wait_timeout = 1'                                                            | []
        'innodb wait'         | CutOverSql.innodbLockWaitTimeout(Duration.ofSeconds(2)) || '/* oscar cutover innodb_lock_wait_timeout */ SET SESSION innodb_lock_wait_timeout = 2'                                        | []
        'kill'                | CutOverSql.killQuery(42)                         || '/* oscar cutover kill rename */ KILL QUERY 42'                                                                                         | []
        'kill connection'     | CutOverSql.killConnection(42)                    || '/* oscar cutover kill rename connection */ KILL CONNECTION 42'                                                                         | []
        'exists'              | CutOverSql.tableComment(DEL)                     || '/* oscar _baseitem_del exists */ SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?'        | ['try_osc', '_baseitem_del']
        'thread id'           | CutOverSql.threadId(42)                          || '/* oscar cutover thread id */ SELECT THREAD_ID FROM performance_schema.threads WHERE PROCESSLIST_ID = ?'                              | [42L]
        'pending locks'       | CutOverSql.pendingTableLocks(7)                  || "/* oscar cutover pending locks */ SELECT OBJECT_SCHEMA, OBJECT_NAME, LOCK_TYPE FROM performance_schema.metadata_locks WHERE OWNER_THREAD_ID = ? AND OBJECT_TYPE = 'TABLE' AND LOCK_STATUS = 'PENDING'" | [7L]
        'instrument'          | CutOverSql.mdlInstrument()                       || '/* oscar cutover mdl instrument */ SELECT @@GLOBAL.performance_schema, ENABLED FROM performance_schema.setup_instruments WHERE NAME = ?' | ['wait/lock/metadata/sql/mdl']
        'processlist'         | CutOverSql.processlistEntry(42)                  || '/* oscar cutover processlist */ SELECT STATE, INFO FROM information_schema.PROCESSLIST WHERE ID = ?'                                   | [42L]
        'fk checks off'       | CutOverSql.foreignKeyChecks(false)               || '/* oscar cutover foreign_key_checks */ SET SESSION foreign_key_checks = 0'                                                            | []
        'fk checks on'        | CutOverSql.foreignKeyChecks(true)                || '/* oscar cutover foreign_key_checks */ SET SESSION foreign_key_checks = 1'                                                            | []
        'parent relay'        | CutOverSql.flushWithReadLock(T)                  || '/* oscar baseitem cutover relay */ FLUSH TABLES `try_osc`.`baseitem` WITH READ LOCK'                                                  | []
        'child lock'          | CutOverSql.lockWrite('baseitem', [T, CHILD, DEL]) || '/* oscar baseitem cutover lock */ LOCK TABLES `try_osc`.`baseitem` WRITE, `try_osc`.`referringitem` WRITE, `try_osc`.`_baseitem_del` WRITE' | []
        'fk drop'             | CutOverSql.dropForeignKey(FK)                    || '/* oscar referringitem cutover fk drop */ ALTER TABLE `try_osc`.`referringitem` DROP FOREIGN KEY `baseitem_id_refs_id_2d6ba49a`, ALGORITHM=INSTANT' | []
        'fk to the ghost'     | CutOverSql.addForeignKey(FK, GHO)                || '/* oscar referringitem cutover fk add */ ALTER TABLE `try_osc`.`referringitem` ADD CONSTRAINT `baseitem_id_refs_id_2d6ba49a` FOREIGN KEY (`baseitem_id`) REFERENCES `try_osc`.`_baseitem_gho` (`id`), ALGORITHM=INSTANT' | []
        'fk with actions'     | CutOverSql.addForeignKey(new ForeignKey('f', CHILD, ['a'], T, ['b'], 'CASCADE', 'SET NULL'), GHO) || '/* oscar referringitem cutover fk add */ ALTER TABLE `try_osc`.`referringitem` ADD CONSTRAINT `f` FOREIGN KEY (`a`) REFERENCES `try_osc`.`_baseitem_gho` (`b`) ON DELETE CASCADE ON UPDATE SET NULL, ALGORITHM=INSTANT' | []
        'fk back, cascading'  | CutOverSql.addForeignKey(CASCADING, T)           || '/* oscar referringitem cutover fk add */ ALTER TABLE `try_osc`.`referringitem` ADD CONSTRAINT `fk2` FOREIGN KEY (`a`, `b`) REFERENCES `try_osc`.`baseitem` (`x`, `y`) ON DELETE CASCADE ON UPDATE SET NULL, ALGORITHM=INSTANT' | []
    }

    def "identifiers with back-quotes stay quoted"() {
        expect:
        CutOverSql.swap(new TableName('s', 'a`b'), new TableName('s', '_a`b_del'), new TableName('s', '_a`b_gho')).sql()
                .endsWith('RENAME TABLE `s`.`a``b` TO `s`.`_a``b_del`, `s`.`_a``b_gho` TO `s`.`a``b`')
    }

    def "a referential action that is not one the server names is refused, not spliced into SQL"() {
        when:
        CutOverSql.addForeignKey(new ForeignKey('f', CHILD, ['a'], T, ['b'], 'CASCADE; DROP TABLE x', 'RESTRICT'), GHO)

        then:
        thrown(IllegalArgumentException)
    }
}
