// Add an index to try_osc.referringitem, a table that is the child of a foreign key
// (baseitem_id_refs_id_2d6ba49a: referringitem.baseitem_id -> baseitem.id).
//
// A child-side FK needs no steps of its own: the ghost table carries it under a fresh name, and the
// engine gives it back its original name after the swap. So this plan is one migration, plus an
// ANALYZE once the new index is live.
description "Add an index on referringitem(some_id)"
schema "try_osc"

// Fails the load (with this line) if the FK is not there: the plan was written for that schema.
foreignKey("referringitem", "baseitem_id_refs_id_2d6ba49a")

migrate("referringitem") {
    alter "ADD INDEX referringitem_some_id (some_id)"
    chunkSize 5000
    niceRatio 0.5
    maxLoad "Threads_running=25"
    criticalLoad "Threads_running=200"
}
sql "ANALYZE TABLE try_osc.referringitem"
