package io.oscar.engine.check

import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import io.oscar.engine.schema.Trigger

import static io.oscar.engine.alter.Tables.*

/** Hand-made tables for the check specs: referenced by a child, with a trigger, on MyISAM. */
class SchemaFixtures {
    static final ForeignKey CHILD_FK = new ForeignKey('baseitem_id_refs_id_2d6ba49a', new TableName(SCHEMA, 'referringitem'),
            ['baseitem_id'], new TableName(SCHEMA, 'baseitem'), ['id'], 'RESTRICT', 'RESTRICT')

    static TableSchema referenced() {
        def t = baseitem()
        new TableSchema(t.name(), t.engine(), t.charset(), t.collation(), t.columns(), t.indexes(), [], [CHILD_FK],
                [], 20, 16384, false)
    }

    static TableSchema withTrigger() {
        def t = baseitem()
        new TableSchema(t.name(), t.engine(), t.charset(), t.collation(), t.columns(), t.indexes(), [], [],
                [new Trigger('audit_ins', 'AFTER', 'INSERT')], 20, 16384, false)
    }

    static TableSchema myisam() {
        def t = baseitem()
        new TableSchema(t.name(), 'MyISAM', t.charset(), t.collation(), t.columns(), t.indexes(), [], [], [], 20, 16384, false)
    }

    static TableSchema cascadingChild() {
        def t = referringitem()
        def fk = t.foreignKeys()[0]
        new TableSchema(t.name(), t.engine(), t.charset(), t.collation(), t.columns(), t.indexes(),
                [new ForeignKey(fk.name(), fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(), 'CASCADE', 'RESTRICT')],
                [], [], 20, 16384, false)
    }
}
