package org.olive.pipeline.ledger;

import org.olive.pipeline.income.IncomeFacts;

/**
 * What one ledger run keeps in memory between its periods, so that consecutive months read only what is new: the
 * crossings of the residence window ({@link CrossingWindow}), the villages of the trailing months for record matching
 * ({@link VillageHistory}), the deliveries' income facts ({@link IncomeFacts.Held}) and the families' income history
 * of step vulnerability ({@link org.olive.pipeline.vulnerability.FamilyHistory}). Each checks what it holds
 * against the database (ingest runs, fact stamps) and reads again what changed, so a run's results equal those of
 * a cold run.
 */
record RunMemory(CrossingWindow crossings, VillageHistory villages, IncomeFacts.Held facts,
                 org.olive.pipeline.vulnerability.FamilyHistory families) {

    RunMemory(CrossingWindow crossings) {
        this(crossings, new VillageHistory(), new IncomeFacts.Held(), new org.olive.pipeline.vulnerability.FamilyHistory());
    }
}
