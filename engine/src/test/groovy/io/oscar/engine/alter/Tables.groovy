package io.oscar.engine.alter

import io.oscar.engine.schema.Column
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.Index
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema

/** Hand-made tables for the ALTER specs, as the inspector would describe them. */
class Tables {

    static final String SCHEMA = 'shop'

    /** {@code int}, {@code varchar(128)}...: a column as information_schema describes it. */
    static Column col(Map opts = [:], String name, String columnType) {
        String dataType = columnType.replaceAll(/[^a-z].*$/, '')
        boolean text = dataType in ['char', 'varchar', 'text', 'enum', 'set']
        new Column(name, dataType, columnType, opts.get('nullable', true) as boolean, opts.default as String,
                (opts.extra ?: '') as String, opts.generated as String,
                text ? 'utf8mb4' : null, text ? 'utf8mb4_general_ci' : null)
    }

    static Index pk(String... columns) { new Index(Index.PRIMARY, columns as List, true, true) }

    static Index uk(String name, String... columns) { new Index(name, columns as List, true, false) }

    static Index key(String name, String... columns) { new Index(name, columns as List, false, false) }

    static TableSchema table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> fks = []) {
        new TableSchema(new TableName(SCHEMA, name), 'InnoDB', 'utf8mb4', 'utf8mb4_general_ci', columns, indexes, fks,
                [], [], 1000, 65536, false)
    }

    /** gh-ost's doc/shared-key.md example table. */
    static TableSchema someTable() {
        table('some_table', [
                col('id', 'int', nullable: false, extra: 'auto_increment'),
                col('ts', 'timestamp'),
                col('name', 'varchar(128)', nullable: false),
                col('owner_id', 'int', nullable: false),
                col('loc_id', 'int', nullable: false)],
                [pk('id'), uk('name_uidx', 'name')])
    }

    /** The seed's parent: try_osc.baseitem with an int primary key. */
    static TableSchema baseitem() {
        table('baseitem', [col('id', 'int(11)', nullable: false, extra: 'auto_increment'), col('label', 'varchar(40)')],
                [pk('id')])
    }

    /** The seed's child: referringitem.baseitem_id references baseitem(id). */
    static TableSchema referringitem() {
        def name = new TableName(SCHEMA, 'referringitem')
        table('referringitem', [
                col('id', 'int', nullable: false, extra: 'auto_increment'),
                col('baseitem_id', 'int', nullable: false),
                col('other_id', 'int')],
                [pk('id'), key('fk_base', 'baseitem_id')],
                [new ForeignKey('fk_base', name, ['baseitem_id'], new TableName(SCHEMA, 'baseitem'), ['id'], 'RESTRICT', 'RESTRICT')])
    }

    /** A table with a generated column: never copied. */
    static TableSchema withGenerated() {
        table('g', [
                col('id', 'int', nullable: false),
                col('a', 'int'),
                col('twice', 'int', extra: 'VIRTUAL GENERATED', generated: '`a` * 2')],
                [pk('id')])
    }

    /** "PRIMARY(id)", "UNIQUE name_uidx(name)", "KEY k(a,b)": keys in a form where: tables can show. */
    static List<String> keys(TableSchema t) { t.indexes().collect { render(it) } }

    static String render(Index ix) {
        ix.primary() ? "PRIMARY(${ix.columns().join(',')})" as String
                : "${ix.unique() ? 'UNIQUE' : 'KEY'} ${ix.name()}(${ix.columns().join(',')})" as String
    }
}
