package org.olive.accuracy;

import org.olive.pipeline.ledger.LedgerCounty;

import javax.sql.DataSource;

/** The accuracy contract on an in-memory H2 database. */
class H2TruthAccuracyTest extends TruthAccuracyContract {

    @Override
    DataSource database() {
        return LedgerCounty.h2Memory();
    }
}
