package org.olive.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formulas in the cells of every CSV that Olive writes (CSV injection, OWASP): a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be evaluated by Excel, WPS
 * or LibreOffice when the file is opened ({@code =HYPERLINK(…)}, {@code =cmd|' /C calc'!A0}, {@code @SUM(…)},
 * {@code +1+1}, {@code -2+3}). Such a cell gets a leading apostrophe, which spreadsheets show as text and which a
 * reader of the raw file sees for what it is.
 *
 * <p>One exception keeps numeric columns numeric: a cell that is a plain decimal number ({@code -12}, {@code -0.25},
 * {@code +3.5}, {@code -1.2E-4}) is not a formula and stays as it is. {@code -2+3} is not a plain number and is
 * escaped.
 *
 * <p>Quoting of separators, quotes and line breaks is the CSV printer's job (Commons CSV); this class changes only the
 * first character. XLSX exports write cells as typed strings and numbers, never as formulas, and need no escaping.
 */
public final class SpreadsheetCell {

    /** The apostrophe put in front of a cell that a spreadsheet would evaluate. */
    public static final char ESCAPE = '\'';

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private SpreadsheetCell() {
    }

    /** Whether a spreadsheet would take the cell for a formula (or a command) when the file is opened. */
    public static boolean isFormulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return trigger && !PLAIN_NUMBER.matcher(cell).matches();
    }

    /** The cell as it may be written: escaped when formula-like, else unchanged; null stays null. */
    public static String safe(String cell) {
        return isFormulaLike(cell) ? ESCAPE + cell : cell;
    }

    /** A value of any type as a safe cell: numbers and booleans as {@link String#valueOf}, text through {@link #safe}. */
    public static Object safe(Object value) {
        return value instanceof CharSequence s ? safe(s.toString()) : value;
    }

    /** A row of values, each through {@link #safe(Object)}, for {@code CSVPrinter.printRecord(Iterable)}. */
    public static List<Object> row(Object... values) {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(safe(v));
        }
        return out;
    }

    /** A row of text cells, each through {@link #safe(String)}. */
    public static List<String> row(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(safe(v));
        }
        return out;
    }

    /** As {@link #row(List)} for an array. */
    public static List<String> row(String[] values) {
        return row(Arrays.asList(values));
    }

    /**
     * A text as one CSV field: escaped against formulas ({@link #safe(String)}; null as empty) and quoted when it holds
     * a comma, a quote or a line break (RFC 4180).
     */
    public static String csv(String cell) {
        String v = safe(cell == null ? "" : cell);
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
