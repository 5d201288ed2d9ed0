package org.olive.synth.output;

import java.util.Locale;

/**
 * Renders the dataset part of {@code docs/data-catalog.md} from {@link Catalog}, so that the documentation and
 * the files cannot drift apart: {@code java -cp ... org.olive.synth.output.CatalogMarkdown}.
 */
public final class CatalogMarkdown {

    private CatalogMarkdown() {
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        for (DatasetSpec d : Catalog.ALL) {
            sb.append("### `").append(d.fullKey()).append("` — ").append(d.stem()).append("\n\n");
            sb.append("- Department: ").append(d.department()).append('\n');
            String stamp = d.cadence() == Cadence.YEARLY ? "YYYY" : "YYYYMM";
            sb.append("- File: `").append(d.cadence() == Cadence.YEARLY ? "YYYY-12" : "YYYY-MM").append('/')
                    .append(d.stem()).append('_').append(stamp).append('.').append(d.format().extension()).append("`");
            sb.append(d.cadence() == Cadence.YEARLY ? " (yearly, in the December folder)" : " (monthly)").append('\n');
            sb.append("- Format: ").append(d.format().name()).append(d.format() == Format.CSV
                    ? ", encoding " + d.encoding().label() : ", one sheet named " + d.stem()).append('\n');
            sb.append("- Grain: ").append(d.grain()).append("\n\n");
            sb.append("| # | header | canonical | type | meaning |\n|---|---|---|---|---|\n");
            int i = 1;
            for (Column c : d.columns()) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | `%s` | %s | %s |%n", i++, c.header(), c.canonical(),
                        c.type(), c.meaning().replace("|", "\\|")));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(render());
    }
}
