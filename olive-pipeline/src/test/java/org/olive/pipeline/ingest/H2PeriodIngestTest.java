package org.olive.pipeline.ingest;

import javax.sql.DataSource;

class H2PeriodIngestTest extends PeriodIngestContract {
    @Override
    DataSource database() {
        return Databases.h2Memory();
    }
}
