package org.olive.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A monthly period {@code YYYY-MM}, the unit of every pipeline run. */
public record Period(YearMonth month) implements Comparable<Period> {

    public static Period parse(String text) {
        try {
            return new Period(YearMonth.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be YYYY-MM, found '" + text + "'");
        }
    }

    public static Period of(int year, int month) {
        return new Period(YearMonth.of(year, month));
    }

    /** All periods from {@code from} to {@code to}, both included. */
    public static List<Period> range(Period from, Period to) {
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("period range ends (" + to + ") before it starts (" + from + ")");
        }
        List<Period> out = new ArrayList<>();
        for (Period p = from; p.compareTo(to) <= 0; p = p.next()) {
            out.add(p);
        }
        return out;
    }

    public Period next() {
        return new Period(month.plusMonths(1));
    }

    public Period minusMonths(int n) {
        return new Period(month.minusMonths(n));
    }

    public Period plusMonths(int n) {
        return new Period(month.plusMonths(n));
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public int year() {
        return month.getYear();
    }

    public int monthValue() {
        return month.getMonthValue();
    }

    @Override
    public int compareTo(Period o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
