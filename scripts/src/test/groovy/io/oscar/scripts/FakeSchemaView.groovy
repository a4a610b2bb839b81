package io.oscar.scripts

import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName

/** A schema view over a fixed list of foreign keys; records every question it is asked. */
class FakeSchemaView implements SchemaView {
    static final TableName BASE = new TableName('try_osc', 'baseitem')
    static final TableName REF = new TableName('try_osc', 'referringitem')
    static final ForeignKey REF_BASE = new ForeignKey('baseitem_id_refs_id_2d6ba49a', REF, ['baseitem_id'], BASE, ['id'],
            'RESTRICT', 'RESTRICT')

    static final TableName A = new TableName('chain', 'a')
    static final TableName B = new TableName('chain', 'b')
    static final TableName C = new TableName('chain', 'c')
    static final ForeignKey B_A = new ForeignKey('b_a', B, ['a_id'], A, ['id'], 'RESTRICT', 'RESTRICT')
    static final ForeignKey C_B = new ForeignKey('c_b', C, ['b_id'], B, ['id'], 'CASCADE', 'RESTRICT')

    final List<ForeignKey> foreignKeys
    final List<String> questions = []

    FakeSchemaView(List<ForeignKey> foreignKeys) {
        this.foreignKeys = foreignKeys
    }

    /** try_osc (baseitem <- referringitem) and the chain a <- b <- c. */
    static FakeSchemaView examples() {
        new FakeSchemaView([REF_BASE, B_A, C_B])
    }

    @Override
    List<ForeignKey> referencing(TableName table) {
        questions << "referencing $table".toString()
        foreignKeys.findAll { it.parent() == table }
    }

    @Override
    List<ForeignKey> declaredBy(TableName table) {
        questions << "declaredBy $table".toString()
        foreignKeys.findAll { it.child() == table }
    }
}
