package org.olive.ingest.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.TestFiles;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.RowOutcome;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rejected row keeps the values that did parse, so that a row refused for its ID can still be matched. */
class RejectedRowParsedValuesTest {

    @TempDir
    Path dir;

    @Test
    void aRowRefusedForItsIdKeepsItsOtherParsedValues() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Fixture.HUKOU_HEADER);
        rows.add(Fixture.hukouRow(1));
        List<String> bad = new ArrayList<>(Fixture.hukouRow(2));
        String id = TestFiles.id(2);
        bad.set(0, id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        rows.add(bad);
        List<String> empty = new ArrayList<>(Fixture.hukouRow(3));
        empty.set(0, "");
        empty.set(4, "");
        rows.add(empty);

        Fixture.Result r = Fixture.ingest(Fixture.file(dir, "hukou", Fixture.Kind.CSV_UTF8, rows), "hukou");

        assertThat(r.summary().loaded()).isEqualTo(1);
        RowOutcome.Rejected checksum = r.rejected().get(0);
        assertThat(checksum.rejects()).extracting(Reject::field).containsExactly("公民身份号码");
        assertThat(checksum.parsed()).doesNotContainKey("person_id")
                .containsEntry("name", "居民2").containsEntry("sex", "M")
                .containsEntry("birth_date", LocalDate.of(1980, 1, 3))
                .containsEntry("hukou_no", "H0").containsEntry("village_code", TestFiles.village(2));
        assertThat(checksum.parsed().keySet()).startsWith("name", "sex", "birth_date");

        RowOutcome.Rejected missing = r.rejected().get(1);
        assertThat(missing.rejects()).singleElement().satisfies(x -> assertThat(x.reason()).isEqualTo("required value is empty"));
        assertThat(missing.parsed()).doesNotContainKeys("person_id", "ethnicity").containsEntry("name", "居民3");
    }

    @Test
    void aRowThatCannotBeSplitIntoFieldsKeepsNoValues() {
        RowOutcome.Rejected r = new RowOutcome.Rejected(null, List.of(new Reject("f", 1, Reject.WHOLE_ROW, "a,b", "width", "a,b")));
        assertThat(r.parsed()).isEmpty();
    }
}
