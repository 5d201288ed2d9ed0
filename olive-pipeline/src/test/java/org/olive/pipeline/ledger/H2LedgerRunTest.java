package org.olive.pipeline.ledger;

import javax.sql.DataSource;

/** The ledger contract on an in-memory H2 database. */
class H2LedgerRunTest extends LedgerRunContract {

    @Override
    DataSource database() {
        return LedgerCounty.h2Memory();
    }
}
