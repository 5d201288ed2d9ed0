package org.olive.ingest.csv;

import java.util.List;

/**
 * Chooses the delimiter of a CSV file from its header line: the candidate that occurs most often outside double
 * quotes; a comma when no candidate occurs (a one-column file) or on a tie with the comma.
 */
public final class DelimiterDetector {

    private DelimiterDetector() {
    }

    /** The chosen delimiter and a sentence saying why. */
    public record Choice(char delimiter, String reason) {
    }

    public static Choice detect(String headerLine, List<Character> candidates) {
        int[] counts = new int[candidates.size()];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                int k = candidates.indexOf(c);
                if (k >= 0) {
                    counts[k]++;
                }
            }
        }
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best] || (counts[k] == counts[best] && candidates.get(k) == ','))) {
                best = k;
            }
        }
        if (best < 0) {
            return new Choice(',', "no delimiter in the header line; one column, read as comma-separated");
        }
        char d = candidates.get(best);
        return new Choice(d, "the header line has " + counts[best] + " " + name(d) + (counts[best] == 1 ? "" : "s")
                + " outside quotes, more than any other candidate");
    }

    static String name(char d) {
        return switch (d) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + d + "'";
        };
    }
}
