package org.olive.pipeline.sample;

/**
 * One problem in a sample's files, for the person who prepared them.
 *
 * @param file   {@code persons.csv} or {@code incomes.csv}
 * @param row    the 1-based row as a spreadsheet shows it (the header is row 1), or 0 for the whole file
 * @param field  the column concerned, or empty
 * @param reason what is wrong, in one sentence
 */
public record SampleError(String file, long row, String field, String reason) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (!field.isEmpty()) {
            sb.append(", ").append(field);
        }
        return sb.append(": ").append(reason).toString();
    }
}
