package org.olive.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the lines of one CSV record into values, RFC 4180 style: a value may be quoted ({@code "..."}), holding
 * delimiters, line breaks and doubled quotes; spaces around values and around quotes are ignored; a quote inside an
 * unquoted value is an ordinary character. Fed one physical line at a time, it says whether the record is complete,
 * still inside a quoted value (the next line belongs to it) or malformed (text after a closing quote).
 */
final class FieldSplitter {

    enum Status { COMPLETE, IN_QUOTE, MALFORMED }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_CLOSE = 4;

    private final char delimiter;
    private final StringBuilder cur = new StringBuilder(64);
    private List<String> values = new ArrayList<>();
    private int state;
    private String problem;

    FieldSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    void reset() {
        values = new ArrayList<>(Math.max(4, values.size())); // sized as the previous record: no growing on every line
        cur.setLength(0);
        state = FIELD_START;
        problem = null;
    }

    /** The line break of the previous line, inside a quoted value. */
    void lineBreak(String terminator) {
        cur.append(terminator);
    }

    Status feed(String line) {
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            switch (state) {
                case FIELD_START -> {
                    if (c == delimiter) {
                        values.add("");
                    } else if (c == '"') {
                        state = QUOTED;
                    } else if (!Character.isWhitespace(c)) {
                        cur.append(c);
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == delimiter) {
                        endUnquoted();
                    } else {
                        cur.append(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_SEEN;
                    } else {
                        cur.append(c);
                    }
                }
                case QUOTE_SEEN -> {
                    if (c == '"') {
                        cur.append('"');
                        state = QUOTED;
                    } else if (c == delimiter) {
                        endQuoted();
                    } else if (Character.isWhitespace(c)) {
                        state = AFTER_CLOSE;
                    } else {
                        return malformed();
                    }
                }
                default -> {
                    if (c == delimiter) {
                        endQuoted();
                    } else if (!Character.isWhitespace(c)) {
                        return malformed();
                    }
                }
            }
        }
        switch (state) {
            case QUOTED -> {
                return Status.IN_QUOTE;
            }
            case UNQUOTED -> endUnquoted();
            case FIELD_START -> values.add("");
            default -> endQuoted();
        }
        return Status.COMPLETE;
    }

    private Status malformed() {
        problem = "the quoted value in column " + (values.size() + 1)
                + " is followed by other text before the next delimiter (a stray quote?)";
        return Status.MALFORMED;
    }

    private void endUnquoted() {
        int end = cur.length();
        while (end > 0 && Character.isWhitespace(cur.charAt(end - 1)) && cur.charAt(end - 1) != delimiter) {
            end--;
        }
        values.add(cur.substring(0, end));
        cur.setLength(0);
        state = FIELD_START;
    }

    private void endQuoted() {
        values.add(cur.toString());
        cur.setLength(0);
        state = FIELD_START;
    }

    /** The column a quote opened in, while {@link Status#IN_QUOTE}. */
    int openColumn() {
        return values.size() + 1;
    }

    String problem() {
        return problem;
    }

    List<String> values() {
        return values;
    }
}
