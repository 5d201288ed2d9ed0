package org.olive.synth.output;

import java.util.List;

/**
 * A departmental dataset: its catalogue key (domain.md §3), the file it is written to and its columns.
 *
 * @param key        catalogue key, e.g. {@code hukou}; fishery and property have several files sharing the key
 * @param part       the file's part within the key ({@code vessels}, {@code crew}, ...), empty if single-file
 * @param department source department in Chinese
 * @param stem       Chinese file-name stem; the file is {@code stem_YYYYMM.ext} (monthly) or {@code stem_YYYY.ext}
 * @param format     CSV or XLSX
 * @param encoding   declared encoding of CSV files (XLSX: UTF-8)
 * @param cadence    monthly, or yearly in the December folder
 * @param grain      what one row is
 * @param columns    the columns in file order
 */
public record DatasetSpec(String key, String part, String department, String stem, Format format, Encoding encoding,
                          Cadence cadence, String grain, List<Column> columns) {

    public String[] headers() {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    /** The file name for a period: {@code 户籍人口_202301.csv} or, yearly, {@code 村集体经济分红_2023.csv}. */
    public String fileName(org.olive.period.Period p) {
        String stamp = cadence == Cadence.YEARLY ? Integer.toString(p.year())
                : String.format("%04d%02d", p.year(), p.monthValue());
        return stem + "_" + stamp + "." + format.extension();
    }

    /** Key plus part, e.g. {@code fishery/vessels}. */
    public String fullKey() {
        return part.isEmpty() ? key : key + "/" + part;
    }
}
