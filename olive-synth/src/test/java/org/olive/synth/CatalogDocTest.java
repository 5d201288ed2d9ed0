package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.CatalogMarkdown;
import org.olive.synth.output.Column;
import org.olive.synth.output.DatasetSpec;

/** docs/data-catalog.md documents every dataset and column the generator writes. */
class CatalogDocTest {

    @Test
    void theDataCatalogueDocumentsEveryColumn() throws Exception {
        Path doc = Path.of("..", "docs", "data-catalog.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(text).contains(CatalogMarkdown.render());
        for (DatasetSpec d : Catalog.ALL) {
            assertThat(text).contains(d.stem());
            for (Column c : d.columns()) {
                assertThat(text).contains("| " + c.header() + " | `" + c.canonical() + "` |");
            }
        }
        assertThat(text).contains("truth/faults.csv", "manifest.json", "进出岛记录_历史");
    }
}
