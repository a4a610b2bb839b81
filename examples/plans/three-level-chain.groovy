// Widen a three-level chain of ids from int to bigint, from the top:
//
//   chain.a (id)            <- chain.b (id, a_id -> a.id, FK b_a)
//                           <- chain.c (id, b_id -> b.id, FK c_b)
//
// Every column on the path changes type: a.id, b.a_id, b.id and c.b_id. Both FKs come off first;
// the tables are migrated bottom-up (c, b, a) so no child is narrower than its parent once the
// FKs return; each FK is checked for orphans, then restored in place, top FK first.
description "Widen chain a -> b -> c ids to bigint"
schema "chain"

def bToA = foreignKeysReferencing("a")
def cToB = foreignKeysReferencing("b")

(cToB + bToA).each { dropForeignKey it }

migrate("c") { alter "MODIFY b_id bigint NOT NULL" }
migrate("b") { alter "MODIFY id bigint NOT NULL AUTO_INCREMENT, MODIFY a_id bigint NOT NULL" }
migrate("a") { alter "MODIFY id bigint NOT NULL AUTO_INCREMENT"; cutover MANUAL }

(bToA + cToB).each { checkOrphans it; restoreForeignKey it }
pause "check the application before the old tables are dropped"
