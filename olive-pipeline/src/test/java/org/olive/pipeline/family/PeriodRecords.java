package org.olive.pipeline.family;

import org.olive.family.CivilRecords;
import org.olive.family.HukouMember;
import org.olive.identity.IdNumber;
import org.olive.ingest.load.FileIngestor;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.MappedRecord;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;
import org.olive.period.Period;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The records of one period folder the family builder needs, read with olive-ingest's built-in mappings exactly as
 * the ingest reads them (rejected rows are simply missing): 户籍人口, 婚姻登记, 出生死亡登记 and 流动人口.
 */
final class PeriodRecords {

    private static final Set<String> DATASETS = Set.of("hukou", "marriage", "vital", "floating");

    final List<HukouMember> hukou = new ArrayList<>();
    final List<CivilRecords.Marriage> marriages = new ArrayList<>();
    final List<CivilRecords.Birth> births = new ArrayList<>();
    final List<CivilRecords.Death> deaths = new ArrayList<>();
    final List<String> migrants = new ArrayList<>();
    /** Hukou numbers of the rows the ingest rejected (their persons are missing from the input). */
    final Set<String> hukousWithRejects = new java.util.HashSet<>();

    static PeriodRecords read(Path periodDir, Period period) {
        PeriodRecords r = new PeriodRecords();
        ValidationContext context = ValidationContext.shengsi(period.lastDay());
        List<DatasetMapping> mappings = BuiltInMappings.all();
        List<Path> files;
        try (Stream<Path> s = Files.list(periodDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (TableReader reader = TableReaders.open(file, ReaderOptions.defaults())) {
                Optional<DatasetMapping> m = BuiltInMappings.identify(reader.header(), mappings);
                if (m.isEmpty() || !DATASETS.contains(m.get().dataset())) {
                    continue;
                }
                String dataset = m.get().dataset();
                String name = file.getFileName().toString();
                int hukouColumn = reader.header().names().indexOf("户号");
                new FileIngestor(m.get(), context, ReaderOptions.defaults()).ingest(reader, o -> {
                    if (o instanceof RowOutcome.Loaded l) {
                        r.accept(dataset, name, l.record(), period.lastDay());
                    } else if ("hukou".equals(dataset) && hukouColumn >= 0) {
                        r.hukousWithRejects.add(o.row().get(hukouColumn));
                    }
                });
            } catch (org.olive.ingest.table.IngestException e) {
                // an unreadable file is the ingest's concern; its rows are missing here
            }
        }
        return r;
    }

    private void accept(String dataset, String file, MappedRecord rec, LocalDate asOf) {
        String source = file + " 第" + rec.row() + "行";
        switch (dataset) {
            case "hukou" -> hukou.add(new HukouMember(id(rec, "person_id"), (String) rec.get("name"),
                    (String) rec.get("hukou_no"), (String) rec.get("relation_to_head"), (String) rec.get("sex"),
                    (LocalDate) rec.get("birth_date"), (String) rec.get("marital_status"), (String) rec.get("village_code"),
                    rec.get("status") == null ? "NORMAL" : (String) rec.get("status"), (LocalDate) rec.get("status_date"),
                    source));
            case "marriage" -> marriages.add(new CivilRecords.Marriage(id(rec, "husband_id"), id(rec, "wife_id"),
                    "IB".equals(rec.get("kind")), (LocalDate) rec.get("date"), source));
            case "vital" -> {
                if ("BIRTH".equals(rec.get("kind"))) {
                    births.add(new CivilRecords.Birth(id(rec, "person_id"), id(rec, "mother_id"), id(rec, "father_id"),
                            (LocalDate) rec.get("date"), source));
                } else {
                    deaths.add(new CivilRecords.Death(id(rec, "person_id"), (LocalDate) rec.get("date"), source));
                }
            }
            case "floating" -> {
                LocalDate ended = (LocalDate) rec.get("ended_date");
                if (ended == null || ended.isAfter(asOf)) {
                    migrants.add(id(rec, "person_id"));
                }
            }
            default -> throw new IllegalStateException(dataset);
        }
    }

    private static String id(MappedRecord rec, String field) {
        Object v = rec.get(field);
        return v == null ? null : ((IdNumber) v).value();
    }
}
