package org.olive.pipeline.ingest;

import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;

/**
 * Prints the DDL of the master database's dataset tables from the built-in mappings. Used to write a Flyway
 * migration when a canonical schema changes (never edit an applied migration: add a new one).
 * {@code MasterSchemaTest} fails when the migrations and the mappings disagree.
 */
public final class MasterSchemaDdl {
    public static void main(String[] args) {
        for (DatasetMapping m : BuiltInMappings.all()) {
            System.out.println(MasterTables.ddl(m));
        }
    }
}
