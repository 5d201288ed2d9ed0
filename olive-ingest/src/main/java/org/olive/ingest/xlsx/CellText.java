package org.olive.ingest.xlsx;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;

/** Converts one cell to the text the field parsers see. */
final class CellText {
    private final boolean date1904;

    CellText(boolean date1904) {
        this.date1904 = date1904;
    }

    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case NUMBER -> number(cell);
            case STRING, FORMULA, ERROR, BOOLEAN -> cell.getRawValue() == null ? cell.getText() : raw(cell);
        };
    }

    private static String raw(Cell cell) {
        String raw = cell.getRawValue();
        if (cell.getType() == CellType.BOOLEAN) {
            return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
        }
        if (cell.getType() == CellType.STRING || cell.getType() == CellType.FORMULA) {
            Object v = cell.getValue();
            return v == null ? raw : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
        }
        return raw;
    }

    private String number(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        if (ExcelDates.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            String iso = ExcelDates.toIso(raw, date1904);
            if (iso != null) {
                return iso;
            }
        }
        return raw;
    }
}
