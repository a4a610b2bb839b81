package io.oscar.engine.alter

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*

class AlterAnalyzerSpec extends Specification {

    def "reads the bare clause list and the full statement alike: #text"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), text)

        then:
        a.clauses() == 'MODIFY id bigint NOT NULL AUTO_INCREMENT'
        a.alterStatementFor('`shop`.`_some_table_gho`') == 'ALTER TABLE `shop`.`_some_table_gho` MODIFY id bigint NOT NULL AUTO_INCREMENT'
        a.typeChanges()*.oldType == ['int']
        a.typeChanges()*.newType == ['bigint']
        a.after().column('id').get().autoIncrement()

        where:
        text << [
                'MODIFY id bigint NOT NULL AUTO_INCREMENT',
                'MODIFY id bigint NOT NULL AUTO_INCREMENT;',
                '  MODIFY id bigint NOT NULL AUTO_INCREMENT ; ',
                'ALTER TABLE some_table MODIFY id bigint NOT NULL AUTO_INCREMENT',
                'alter table `some_table` MODIFY id bigint NOT NULL AUTO_INCREMENT;',
                'ALTER TABLE shop.some_table MODIFY id bigint NOT NULL AUTO_INCREMENT',
                'ALTER TABLE `shop`.`SOME_TABLE` MODIFY id bigint NOT NULL AUTO_INCREMENT',
                'ALTER ONLINE TABLE some_table MODIFY id bigint NOT NULL AUTO_INCREMENT',
                'ALTER TABLE some_table /* widen */ MODIFY id bigint NOT NULL AUTO_INCREMENT -- seed\n',
        ]
    }

    def "column clauses: #text"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), text)

        then:
        a.after().columnNames() == columns
        a.addedColumns() == added
        a.droppedColumns() == dropped
        a.renamedColumns() == renamed
        a.columnMapping().pairs().collect { "${it.oldName()}>${it.newName()}" as String } == mapping

        where:
        text                                                      || columns                                              | added      | dropped | renamed                 | mapping
        'ADD COLUMN i int'                                        || ['id', 'ts', 'name', 'owner_id', 'loc_id', 'i']      | ['i']      | []      | [:]                     | ['id>id', 'ts>ts', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'ADD i int FIRST'                                         || ['i', 'id', 'ts', 'name', 'owner_id', 'loc_id']      | ['i']      | []      | [:]                     | ['id>id', 'ts>ts', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'ADD COLUMN i int AFTER `name`'                           || ['id', 'ts', 'name', 'i', 'owner_id', 'loc_id']      | ['i']      | []      | [:]                     | ['id>id', 'ts>ts', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'ADD COLUMN (a int, b int)'                               || ['id', 'ts', 'name', 'owner_id', 'loc_id', 'a', 'b'] | ['a', 'b'] | []      | [:]                     | ['id>id', 'ts>ts', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'DROP COLUMN ts'                                          || ['id', 'name', 'owner_id', 'loc_id']                 | []         | ['ts']  | [:]                     | ['id>id', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'DROP ts, DROP COLUMN loc_id'                             || ['id', 'name', 'owner_id']                           | []         | ['ts', 'loc_id'] | [:]            | ['id>id', 'name>name', 'owner_id>owner_id']
        'CHANGE COLUMN name full_name varchar(200) NOT NULL'      || ['id', 'ts', 'full_name', 'owner_id', 'loc_id']      | []         | []      | [name: 'full_name']     | ['id>id', 'ts>ts', 'name>full_name', 'owner_id>owner_id', 'loc_id>loc_id']
        'CHANGE name name varchar(128) NOT NULL AFTER loc_id'     || ['id', 'ts', 'owner_id', 'loc_id', 'name']           | []         | []      | [:]                     | ['id>id', 'ts>ts', 'owner_id>owner_id', 'loc_id>loc_id', 'name>name']
        'RENAME COLUMN owner_id TO user_id'                       || ['id', 'ts', 'name', 'user_id', 'loc_id']            | []         | []      | [owner_id: 'user_id']   | ['id>id', 'ts>ts', 'name>name', 'owner_id>user_id', 'loc_id>loc_id']
        'rename column `OWNER_ID` to `user id`'                   || ['id', 'ts', 'name', 'user id', 'loc_id']            | []         | []      | [owner_id: 'user id']   | ['id>id', 'ts>ts', 'name>name', 'owner_id>user id', 'loc_id>loc_id']
        'MODIFY ts timestamp NULL FIRST'                          || ['ts', 'id', 'name', 'owner_id', 'loc_id']           | []         | []      | [:]                     | ['ts>ts', 'id>id', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'MODIFY `ID` bigint NOT NULL'                             || ['id', 'ts', 'name', 'owner_id', 'loc_id']           | []         | []      | [:]                     | ['id>id', 'ts>ts', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'DROP COLUMN ts, ADD COLUMN ts datetime'                  || ['id', 'name', 'owner_id', 'loc_id', 'ts']           | ['ts']     | ['ts']  | [:]                     | ['id>id', 'name>name', 'owner_id>owner_id', 'loc_id>loc_id']
        'CHANGE id id bigint unsigned NOT NULL AUTO_INCREMENT, RENAME COLUMN loc_id TO location_id' || ['id', 'ts', 'name', 'owner_id', 'location_id'] | [] | [] | [loc_id: 'location_id'] | ['id>id', 'ts>ts', 'name>name', 'owner_id>owner_id', 'loc_id>location_id']
    }

    def "column attributes: #text"() {
        when:
        def c = AlterAnalyzer.analyze(someTable(), text).after().column(column).get()

        then:
        c.dataType() == dataType
        c.columnType() == columnType
        c.nullable() == nullable
        c.defaultValue() == dflt
        c.extra() == extra
        c.charset() == charset
        c.collation() == collation

        where:
        text                                                                                 | column     || dataType    | columnType                  | nullable | dflt                | extra                                      | charset   | collation
        'MODIFY id bigint unsigned NOT NULL AUTO_INCREMENT'                                  | 'id'       || 'bigint'    | 'bigint unsigned'           | false    | null                | 'auto_increment'                           | null      | null
        'ADD c varchar(10) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL DEFAULT \'x\''   | 'c'        || 'varchar'   | 'varchar(10)'               | false    | "'x'"               | ''                                         | 'latin1'  | 'latin1_bin'
        'ADD c varchar(10)'                                                                  | 'c'        || 'varchar'   | 'varchar(10)'               | true     | null                | ''                                         | 'utf8mb4' | 'utf8mb4_general_ci'
        'ADD c VARCHAR(10) CHARSET latin1'                                                   | 'c'        || 'varchar'   | 'varchar(10)'               | true     | null                | ''                                         | 'latin1'  | null
        'MODIFY name varchar(128) COLLATE utf8mb4_bin NOT NULL'                              | 'name'     || 'varchar'   | 'varchar(128)'              | false    | null                | ''                                         | 'utf8mb4' | 'utf8mb4_bin'
        'ADD c int NULL DEFAULT NULL'                                                        | 'c'        || 'int'       | 'int'                       | true     | null                | ''                                         | null      | null
        'ADD c int DEFAULT -1 COMMENT \'a, b\''                                              | 'c'        || 'int'       | 'int'                       | true     | '-1'                | ''                                         | null      | null
        'ADD c decimal(10, 2) unsigned zerofill'                                             | 'c'        || 'decimal'   | 'decimal(10,2) unsigned zerofill' | true | null             | ''                                         | null      | null
        'ADD c enum(\'a\',\'b\') NOT NULL DEFAULT \'a\''                                     | 'c'        || 'enum'      | "enum('a','b')"             | false    | "'a'"               | ''                                         | 'utf8mb4' | 'utf8mb4_general_ci'
        'ADD c timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP'     | 'c'        || 'timestamp' | 'timestamp'                 | false    | 'CURRENT_TIMESTAMP' | 'on update current_timestamp'              | null      | null
        'ADD c int AS (owner_id + 1) STORED'                                                 | 'c'        || 'int'       | 'int'                       | true     | null                | 'STORED GENERATED'                         | null      | null
        'ADD c int GENERATED ALWAYS AS (owner_id * 2) VIRTUAL'                               | 'c'        || 'int'       | 'int'                       | true     | null                | 'VIRTUAL GENERATED'                        | null      | null
        'ADD c boolean NOT NULL'                                                             | 'c'        || 'tinyint'   | 'tinyint(1)'                | false    | null                | ''                                         | null      | null
        'ADD c integer(11) unsigned'                                                         | 'c'        || 'int'       | 'int(11) unsigned'          | true     | null                | ''                                         | null      | null
        'ADD c datetime(6) NOT NULL'                                                         | 'c'        || 'datetime'  | 'datetime(6)'               | false    | null                | ''                                         | null      | null
        'ADD c int PRIMARY KEY, DROP PRIMARY KEY'                                            | 'c'        || 'int'       | 'int'                       | false    | null                | ''                                         | null      | null
        'ALTER COLUMN owner_id SET DEFAULT 7'                                                | 'owner_id' || 'int'       | 'int'                       | false    | '7'                 | ''                                         | null      | null
        'ALTER owner_id SET DEFAULT 7, ALTER COLUMN owner_id DROP DEFAULT'                   | 'owner_id' || 'int'       | 'int'                       | false    | null                | ''                                         | null      | null
        'MODIFY ts timestamp NOT NULL'                                                       | 'ts'       || 'timestamp' | 'timestamp'                 | false    | null                | ''                                         | null      | null
    }

    def "generated columns are kept out of the column mapping on both sides"() {
        when:
        def a = AlterAnalyzer.analyze(withGenerated(), 'ADD COLUMN thrice int AS (a * 3) STORED, ADD COLUMN b int')

        then:
        a.columnMapping().oldNames() == ['id', 'a']
        a.columnMapping().newNames() == ['id', 'a']
        a.addedColumns() == ['thrice', 'b']
        a.after().column('thrice').get().generated()
        a.after().column('thrice').get().generationExpression() == 'a * 3'
    }

    def "type changes keep the column's identity; display widths are no change: #text"() {
        when:
        def a = AlterAnalyzer.analyze(baseitem(), text)

        then:
        a.typeChanges().collect { "${it.oldName()}:${it.oldType()}>${it.newName()}:${it.newType()}" as String } == changes
        a.columnMapping().pairs()*.oldName == ['id', 'label']

        where:
        text                                              || changes
        'MODIFY id bigint NOT NULL AUTO_INCREMENT'        || ['id:int(11)>id:bigint']
        'MODIFY id int NOT NULL AUTO_INCREMENT'           || []
        'MODIFY id INT(10) NOT NULL AUTO_INCREMENT'       || []
        'MODIFY id int unsigned NOT NULL AUTO_INCREMENT'  || ['id:int(11)>id:int unsigned']
        'CHANGE id item_id bigint NOT NULL AUTO_INCREMENT'|| ['id:int(11)>item_id:bigint']
        'MODIFY label varchar(80)'                        || ['label:varchar(40)>label:varchar(80)']
        'MODIFY label varchar(40) NOT NULL'               || []
    }

    def "key clauses: #text"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), text)

        then:
        keys(a.after()) == after
        a.addedKeys().collect { render(it) } == added
        a.droppedKeys().collect { render(it) } == dropped

        where:
        text                                                         || after                                                                  | added                                 | dropped
        'ADD KEY owner_idx (owner_id)'                               || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'KEY owner_idx(owner_id)']  | ['KEY owner_idx(owner_id)']           | []
        'ADD INDEX (owner_id), ADD INDEX (owner_id, loc_id)'         || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'KEY owner_id(owner_id)', 'KEY owner_id_2(owner_id,loc_id)'] | ['KEY owner_id(owner_id)', 'KEY owner_id_2(owner_id,loc_id)'] | []
        'ADD INDEX k USING BTREE (`name`(10), owner_id DESC)'        || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'KEY k(name,owner_id)']     | ['KEY k(name,owner_id)']              | []
        'ADD UNIQUE KEY owner_name_idx (owner_id, name)'             || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'UNIQUE owner_name_idx(owner_id,name)'] | ['UNIQUE owner_name_idx(owner_id,name)'] | []
        'ADD UNIQUE (loc_id)'                                        || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'UNIQUE loc_id(loc_id)']    | ['UNIQUE loc_id(loc_id)']             | []
        'ADD UNIQUE INDEX u (LOC_ID)'                                || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'UNIQUE u(loc_id)']         | ['UNIQUE u(loc_id)']                  | []
        'ADD CONSTRAINT uk UNIQUE KEY (loc_id)'                      || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'UNIQUE uk(loc_id)']        | ['UNIQUE uk(loc_id)']                 | []
        'ADD FULLTEXT KEY ft (name)'                                 || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'KEY ft(name)']             | ['KEY ft(name)']                      | []
        'ADD COLUMN c int UNIQUE'                                    || ['PRIMARY(id)', 'UNIQUE name_uidx(name)', 'UNIQUE c(c)']              | ['UNIQUE c(c)']                       | []
        'DROP KEY name_uidx'                                         || ['PRIMARY(id)']                                                        | []                                    | ['UNIQUE name_uidx(name)']
        'DROP INDEX `NAME_UIDX`'                                     || ['PRIMARY(id)']                                                        | []                                    | ['UNIQUE name_uidx(name)']
        'DROP CONSTRAINT name_uidx'                                  || ['PRIMARY(id)']                                                        | []                                    | ['UNIQUE name_uidx(name)']
        'DROP PRIMARY KEY'                                           || ['UNIQUE name_uidx(name)']                                             | []                                    | ['PRIMARY(id)']
        'DROP PRIMARY KEY, ADD PRIMARY KEY (owner_id, loc_id)'       || ['PRIMARY(owner_id,loc_id)', 'UNIQUE name_uidx(name)']                 | ['PRIMARY(owner_id,loc_id)']          | ['PRIMARY(id)']
        'DROP PRIMARY KEY, ADD COLUMN c int NOT NULL PRIMARY KEY'    || ['PRIMARY(c)', 'UNIQUE name_uidx(name)']                               | ['PRIMARY(c)']                        | ['PRIMARY(id)']
        'RENAME INDEX name_uidx TO name_u'                           || ['PRIMARY(id)', 'UNIQUE name_u(name)']                                 | ['UNIQUE name_u(name)']               | ['UNIQUE name_uidx(name)']
        'RENAME KEY name_uidx TO name_u'                             || ['PRIMARY(id)', 'UNIQUE name_u(name)']                                 | ['UNIQUE name_u(name)']               | ['UNIQUE name_uidx(name)']
        'CHANGE name title varchar(128) NOT NULL'                    || ['PRIMARY(id)', 'UNIQUE name_uidx(title)']                             | []                                    | []
        'DROP COLUMN name'                                           || ['PRIMARY(id)']                                                        | []                                    | ['UNIQUE name_uidx(name)']
    }

    def "foreign key clauses: #text"() {
        when:
        def a = AlterAnalyzer.analyze(referringitem(), text)

        then:
        a.after().foreignKeys().collect { "${it.name()}(${it.childColumns().join(',')})>${it.parent()}(${it.parentColumns().join(',')}) ${it.onDelete()}" as String } == fks
        a.droppedForeignKeys()*.name() == dropped
        a.addedForeignKeys()*.name() == added

        where:
        text                                                                                    || fks                                                                      | dropped     | added
        'DROP FOREIGN KEY fk_base'                                                              || []                                                                       | ['fk_base'] | []
        'DROP FOREIGN KEY `FK_BASE`'                                                            || []                                                                       | ['fk_base'] | []
        'DROP CONSTRAINT fk_base'                                                               || []                                                                       | ['fk_base'] | []
        'ADD CONSTRAINT fk_other FOREIGN KEY (other_id) REFERENCES other (id) ON DELETE CASCADE' || ['fk_base(baseitem_id)>shop.baseitem(id) RESTRICT', 'fk_other(other_id)>shop.other(id) CASCADE'] | [] | ['fk_other']
        'ADD FOREIGN KEY (other_id) REFERENCES crm.other (id) ON DELETE SET NULL'               || ['fk_base(baseitem_id)>shop.baseitem(id) RESTRICT', 'referringitem_ibfk_1(other_id)>crm.other(id) SET NULL'] | [] | ['referringitem_ibfk_1']
        'DROP FOREIGN KEY fk_base, MODIFY baseitem_id bigint NOT NULL'                          || []                                                                       | ['fk_base'] | []
        'RENAME COLUMN baseitem_id TO base_id'                                                  || ['fk_base(base_id)>shop.baseitem(id) RESTRICT']                          | []          | []
        'DROP FOREIGN KEY fk_base, ADD CONSTRAINT fk_base FOREIGN KEY (baseitem_id) REFERENCES baseitem (id) ON DELETE CASCADE' || ['fk_base(baseitem_id)>shop.baseitem(id) CASCADE'] | ['fk_base'] | ['fk_base']
    }

    def "an added foreign key on unindexed columns gets the index InnoDB would create"() {
        when:
        def a = AlterAnalyzer.analyze(referringitem(), 'ADD CONSTRAINT fk_other FOREIGN KEY (other_id) REFERENCES other (id)')

        then:
        a.addedKeys().collect { render(it) } == ['KEY fk_other(other_id)']
    }

    def "charset and table options: #text"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), text)

        then:
        a.convertsCharset() == converts
        a.after().charset() == charset
        a.after().collation() == collation
        a.after().column('name').get().charset() == nameCharset
        a.after().column('id').get().charset() == null
        a.after().engine() == engine
        a.clauses() == text

        where:
        text                                                    || converts | charset   | collation            | nameCharset | engine
        'CONVERT TO CHARACTER SET latin1'                       || true     | 'latin1'  | null                 | 'latin1'    | 'InnoDB'
        'CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin'  || true     | 'utf8mb4' | 'utf8mb4_bin'        | 'utf8mb4'   | 'InnoDB'
        'DEFAULT CHARSET=latin1'                                || false    | 'latin1'  | null                 | 'utf8mb4'   | 'InnoDB'
        'DEFAULT CHARACTER SET latin1 COLLATE latin1_bin'       || false    | 'latin1'  | 'latin1_bin'         | 'utf8mb4'   | 'InnoDB'
        'CHARACTER SET = latin1'                                || false    | 'latin1'  | null                 | 'utf8mb4'   | 'InnoDB'
        'COLLATE = utf8mb4_bin'                                 || false    | 'utf8mb4' | 'utf8mb4_bin'        | 'utf8mb4'   | 'InnoDB'
        'ENGINE=InnoDB, DEFAULT CHARSET = latin1 COLLATE latin1_bin' || false | 'latin1' | 'latin1_bin'       | 'utf8mb4'   | 'InnoDB'
        'ENGINE=Aria'                                           || false    | 'utf8mb4' | 'utf8mb4_general_ci' | 'utf8mb4'   | 'Aria'
        'ENGINE InnoDB'                                         || false    | 'utf8mb4' | 'utf8mb4_general_ci' | 'utf8mb4'   | 'InnoDB'
        "COMMENT='items, by owner'"                             || false    | 'utf8mb4' | 'utf8mb4_general_ci' | 'utf8mb4'   | 'InnoDB'
        'ROW_FORMAT=DYNAMIC'                                    || false    | 'utf8mb4' | 'utf8mb4_general_ci' | 'utf8mb4'   | 'InnoDB'
        'AUTO_INCREMENT=1000'                                   || false    | 'utf8mb4' | 'utf8mb4_general_ci' | 'utf8mb4'   | 'InnoDB'
        'FORCE'                                                 || false    | 'utf8mb4' | 'utf8mb4_general_ci' | 'utf8mb4'   | 'InnoDB'
    }

    def "ALGORITHM and LOCK are stripped with a warning"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), 'ALTER TABLE some_table ALGORITHM=INPLACE, LOCK=NONE, ADD COLUMN i int;')

        then:
        a.clauses() == 'ADD COLUMN i int'
        a.warnings().size() == 2
        a.warnings()[0].contains('ALGORITHM=INPLACE')
        a.warnings()[1].contains('LOCK=NONE')
    }

    def "what the model does not represent is kept in the clauses and reported: #text"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), text)

        then:
        a.clauses() == text
        a.warnings().size() == 1
        a.warnings()[0].contains(says)

        where:
        text                                          || says
        'MODIFY owner_id int NOT NULL INVISIBLE'      || "column 'owner_id': the model ignores 'INVISIBLE'"
        'ADD CONSTRAINT chk CHECK (owner_id > 0)'     || 'CHECK constraint added'
        'CONVERT TO CHARACTER SET utf8mb4'            || 'may widen TEXT types'
        'DROP COLUMN IF EXISTS nope'                  || "column 'nope' does not exist"
        'ADD COLUMN IF NOT EXISTS name int'           || "column 'name' exists already"
        'MODIFY id bigint NOT NULL'                   || "column 'id' loses AUTO_INCREMENT"
        'MODIFY owner_id bigint'                      || "column 'owner_id' becomes nullable"
        'DROP PRIMARY KEY, ADD PRIMARY KEY (owner_id, loc_id)' || "AUTO_INCREMENT column 'id' is no longer the first column of a key"
    }

    def "commas inside quotes and parentheses do not split clauses"() {
        when:
        def a = AlterAnalyzer.analyze(someTable(), "ADD COLUMN e enum('a,b','c') DEFAULT 'a,b' COMMENT 'x, y', ADD COLUMN d decimal(10,2)")

        then:
        a.clauses() == "ADD COLUMN e enum('a,b','c') DEFAULT 'a,b' COMMENT 'x, y', ADD COLUMN d decimal(10,2)"
        a.addedColumns() == ['e', 'd']
        a.after().column('e').get().columnType() == "enum('a,b','c')"
        a.after().column('d').get().columnType() == 'decimal(10,2)'
    }

    def "refuses what the parser cannot read, with the parser's message: #text"() {
        when:
        AlterAnalyzer.analyze(someTable(), text)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.INVALID_ALTER
        e.message.startsWith('cannot parse')
        e.message.contains(parserSays)
        !e.message.contains('within expansion')

        where:
        text                                               || parserSays
        'ADD COLUMN'                                       || "parse 'ALTER TABLE `shop`.`some_table` ADD COLUMN': Encountered: <K_COLUMN>"
        'MODIFY id bigint NOT NULL garbage('               || 'Encountered: <OPENING_BRACKET> / "("'
        'DROP INDEX IF EXISTS name_uidx'                   || 'Encountered: <K_IF> / "IF"'
    }

    def "refuses what oscar does not do online, saying what to do: #text"() {
        when:
        AlterAnalyzer.analyze(someTable(), text)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.INVALID_ALTER
        e.message.contains(says)

        where:
        text                                              || says
        'RENAME TO other_table'                           || 'RENAME TABLE'
        'ALTER IGNORE TABLE some_table ADD UNIQUE (loc_id)' || 'ALTER IGNORE is not supported'
        'ADD COLUMN i int, RENAME other_table'            || 'RENAME TABLE'
        'DROP PARTITION p1'                               || 'partition operations are not supported'
        'ORDER BY name'                                   || 'ORDER BY is not supported'
        'DISABLE KEYS'                                    || 'run it with a plain ALTER TABLE'
        'garbage here'                                    || "parser left 'garbage here' uninterpreted"
        'ALGORITHM=INPLACE, LOCK=NONE'                    || 'changes nothing'
        'ALTER TABLE other_table ADD COLUMN i int'        || 'names table other_table but is being planned for shop.some_table'
        'ALTER TABLE crm.some_table ADD COLUMN i int'     || 'names table crm.some_table'
        ''                                                || 'empty ALTER'
        ' ; '                                             || 'names no change'
        'ADD COLUMN i int,, DROP ts'                      || 'empty clause'
        '/*!50000 ADD COLUMN i int */'                    || 'executable comments'
        "ADD COLUMN c varchar(3) DEFAULT 'x"              || 'unclosed quote'
        'MODIFY nope int'                                 || "unknown column 'nope'"
        'ADD COLUMN ID int'                               || "duplicate column 'ID'"
        'ADD PRIMARY KEY (name)'                          || 'multiple primary keys'
        'DROP KEY nope'                                   || "no key named 'nope'"
        'DROP FOREIGN KEY nope'                           || "no foreign key named 'nope'"
        'DROP CONSTRAINT nope'                            || "no foreign key or key named 'nope'"
        'ADD KEY name_uidx (owner_id)'                    || "duplicate key name 'name_uidx'"
        'RENAME COLUMN ts TO name'                        || 'the table has a column of that name'
        'change id bigint unsigned not null auto_increment' || "unknown data type 'unsigned'"
        'ADD KEY k (nope)'                                || "unknown column 'nope'"
        'DROP COLUMN id, DROP COLUMN ts, DROP COLUMN name, DROP COLUMN owner_id, DROP COLUMN loc_id' || 'drops every column'
    }

    def "dropping a column a foreign key uses is refused unless the foreign key goes too"() {
        when:
        AlterAnalyzer.analyze(referringitem(), 'DROP COLUMN baseitem_id')

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.INVALID_ALTER
        e.message.contains("foreign key 'fk_base' uses column 'baseitem_id'")

        when:
        def a = AlterAnalyzer.analyze(referringitem(), 'DROP COLUMN baseitem_id, DROP FOREIGN KEY fk_base')

        then:
        a.droppedColumns() == ['baseitem_id']
        a.droppedForeignKeys()*.name() == ['fk_base']
        a.clauses() == 'DROP COLUMN baseitem_id, DROP FOREIGN KEY fk_base'
    }

    def "the after table keeps the before table's name and statistics"() {
        when:
        def before = someTable()
        def a = AlterAnalyzer.analyze(before, 'ADD COLUMN i int')

        then:
        a.before().is(before)
        a.after().name() == before.name()
        a.after().rowEstimate() == 1000
        a.after().referencedBy() == before.referencedBy()
    }
}
