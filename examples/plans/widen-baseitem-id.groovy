// Widen try_osc.baseitem.id from int to bigint: the seed's migration, iteration 5, as a plan.
//
// referringitem.baseitem_id references baseitem.id, so a plain ALTER fails (1833) and the parent
// cannot change type under an enforced foreign key. The decomposed way: drop every FK that
// references baseitem, widen the child column, widen the parent, then check that no child row lost
// its parent while the FKs were off and re-add each FK under its original name.
// The FKs are read from the live schema when the plan loads, so a new child table is not missed.
description "Widen baseitem.id to bigint (drop FKs, widen children, widen parent, check, restore)"
schema "try_osc"

def fks = foreignKeysReferencing("baseitem")
fks.each { dropForeignKey it }

migrate("referringitem") {
    alter "MODIFY baseitem_id bigint NOT NULL"
    chunkSize 2000
}
migrate("baseitem") {
    alter "MODIFY id bigint NOT NULL AUTO_INCREMENT"
    maxLoad "Threads_running=25"
    cutover MANUAL   // swap when the operator says: cutover try_osc.baseitem
}

fks.each { checkOrphans it; restoreForeignKey it }
