package org.olive.pipeline.sample;

import org.olive.indicator.HouseholdSample;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a weighted household sample from a folder holding {@code persons.csv} and {@code incomes.csv} (format in
 * docs/indicators.md), in UTF-8 or GB18030 (detected), comma, semicolon or tab separated.
 *
 * <p>Every row is checked; problems are collected with file, row, field and reason and thrown together as a
 * {@link SampleException}, so a malformed sample is never analysed with rows silently dropped.
 *
 * @param options   reader options (encoding, delimiter)
 * @param maxErrors how many errors are listed; counting goes on past it
 * @param maxAge    the highest age accepted
 */
public record SampleReader(ReaderOptions options, int maxErrors, int maxAge) {

    public static final String PERSONS = "persons.csv";
    public static final String INCOMES = "incomes.csv";
    /** The columns of {@value #PERSONS}. */
    public static final List<String> PERSON_COLUMNS = List.of("household_id", "person_id", "age", "sex", "area", "weight");
    /** The columns of {@value #INCOMES}. */
    public static final List<String> INCOME_COLUMNS = List.of("household_id", "person_id", "component", "amount");

    /** The plain decimals accepted (checked by hand, {@link #plainDecimal}; the pattern documents it and tests it). */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    public SampleReader {
        if (maxErrors < 1 || maxAge < 1) {
            throw new IllegalArgumentException("maxErrors and maxAge must be positive");
        }
    }

    /** Detected encoding and delimiter, 200 errors listed, ages up to 130. */
    public static SampleReader withDefaults() {
        return new SampleReader(ReaderOptions.defaults(), 200, 130);
    }

    /** The income components and how each enters household DI. */
    public enum Component {
        WAGE(false), BUSINESS(true), PROPERTY(true), TRANSFER_IN(false), TRANSFER_OUT(false);

        private final boolean mayBeNegative;

        Component(boolean mayBeNegative) {
            this.mayBeNegative = mayBeNegative;
        }

        /** The name in the file: {@code wage}, {@code business}, {@code property}, {@code transfer_in}, {@code transfer_out}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Business and property income may be losses; wages and transfers are never negative. */
        public boolean mayBeNegative() {
            return mayBeNegative;
        }

        /** The signed contribution to DI: outgoing transfers are subtracted. */
        public double signed(double amount) {
            return this == TRANSFER_OUT ? -amount : amount;
        }

        static Component parse(String code) {
            for (Component c : values()) {
                if (c.code().equalsIgnoreCase(code)) {
                    return c;
                }
            }
            return null;
        }

        static String codes() {
            return String.join(", ", java.util.Arrays.stream(values()).map(Component::code).toList());
        }
    }

    /**
     * Reads and checks the sample in a folder.
     *
     * @throws SampleException when any row or file is malformed
     */
    public HouseholdSample read(Path dir) {
        Errors errors = new Errors();
        Path persons = dir.resolve(PERSONS);
        Path incomes = dir.resolve(INCOMES);
        if (!Files.isDirectory(dir)) {
            errors.add(new SampleError(dir.toString(), 0, "", "the sample folder does not exist"));
            throw errors.exception();
        }
        for (Path p : List.of(persons, incomes)) {
            if (!Files.isRegularFile(p)) {
                errors.add(new SampleError(p.getFileName().toString(), 0, "", "the file is missing from " + dir));
            }
        }
        if (errors.total > 0) {
            throw errors.exception();
        }
        HouseholdSample.Builder builder = HouseholdSample.builder();
        Map<String, Integer> households = new HashMap<>();
        Map<String, Long> personHousehold = new HashMap<>(); // person → household index << 32 | row in persons.csv
        readPersons(persons, builder, households, personHousehold, errors);
        readIncomes(incomes, builder, households, personHousehold, errors);
        if (errors.total > 0) {
            throw errors.exception();
        }
        if (households.isEmpty()) {
            errors.add(new SampleError(PERSONS, 0, "", "the file has no persons"));
            throw errors.exception();
        }
        return builder.build();
    }

    private void readPersons(Path file, HouseholdSample.Builder builder, Map<String, Integer> households,
                             Map<String, Long> personHousehold, Errors errors) {
        try (TableReader reader = TableReaders.open(file, options)) {
            int[] col = columns(reader, PERSONS, PERSON_COLUMNS, errors);
            if (col == null) {
                return;
            }
            for (Row row : reader) {
                long n = row.number();
                String household = row.get(col[0]).strip();
                String person = row.get(col[1]).strip();
                String area = row.get(col[4]).strip();
                int before = errors.total;
                if (household.isEmpty()) {
                    errors.add(new SampleError(PERSONS, n, "household_id", "is empty"));
                }
                Integer h = household.isEmpty() ? null : households.computeIfAbsent(household, builder::addHousehold);
                if (person.isEmpty()) {
                    errors.add(new SampleError(PERSONS, n, "person_id", "is empty"));
                } else {
                    Long first = h == null ? personHousehold.get(person) : personHousehold.putIfAbsent(person, entry(h, n));
                    if (first != null) {
                        errors.add(new SampleError(PERSONS, n, "person_id", "person " + person + " already appears in row "
                                + (first & 0xFFFF_FFFFL)));
                    }
                }
                Integer age = parseAge(row.get(col[2]).strip(), n, errors);
                String sex = row.get(col[3]).strip();
                if (!sex.isEmpty() && !validSex(sex)) {
                    errors.add(new SampleError(PERSONS, n, "sex", "'" + sex + "' is not 1, 2, M, F, 男 or 女 (or empty)"));
                }
                if (area.isEmpty()) {
                    errors.add(new SampleError(PERSONS, n, "area", "is empty"));
                }
                Double weight = parseDecimal(row.get(col[5]).strip(), PERSONS, n, "weight", errors);
                if (weight != null && !(weight > 0)) {
                    errors.add(new SampleError(PERSONS, n, "weight", "must be positive, not " + row.get(col[5]).strip()));
                    weight = null;
                }
                // Households and persons are known even when a row is bad, so incomes.csv is not blamed for it too.
                if (h != null && errors.total == before) {
                    builder.addPerson(h, age, area, weight);
                }
            }
        } catch (IngestException e) {
            errors.add(new SampleError(PERSONS, e.error().row(), "", e.error().reason()));
        }
    }

    private void readIncomes(Path file, HouseholdSample.Builder builder, Map<String, Integer> households,
                             Map<String, Long> personHousehold, Errors errors) {
        try (TableReader reader = TableReaders.open(file, options)) {
            int[] col = columns(reader, INCOMES, INCOME_COLUMNS, errors);
            if (col == null) {
                return;
            }
            for (Row r : reader) {
                long n = r.number();
                String household = r.get(col[0]).strip();
                String person = r.get(col[1]).strip();
                String code = r.get(col[2]).strip();
                String amountText = r.get(col[3]).strip();
                int before = errors.total;
                Integer h = null;
                if (household.isEmpty()) {
                    errors.add(new SampleError(INCOMES, n, "household_id", "is empty"));
                } else {
                    h = households.get(household);
                    if (h == null) {
                        errors.add(new SampleError(INCOMES, n, "household_id", "household " + household + " is not in " + PERSONS));
                    }
                }
                if (!person.isEmpty()) {
                    Long entry = personHousehold.get(person);
                    if (entry == null) {
                        errors.add(new SampleError(INCOMES, n, "person_id", "person " + person + " is not in " + PERSONS));
                    } else if (h != null && (int) (entry >>> 32) != h) {
                        errors.add(new SampleError(INCOMES, n, "person_id", "person " + person + " belongs to household "
                                + householdOf(households, (int) (entry >>> 32)) + ", not " + household));
                    }
                }
                Component component = Component.parse(code);
                if (component == null) {
                    errors.add(new SampleError(INCOMES, n, "component", (code.isEmpty() ? "is empty" : "'" + code + "' is unknown")
                            + "; use one of " + Component.codes()));
                }
                Double amount = parseDecimal(amountText, INCOMES, n, "amount", errors);
                if (amount != null && component != null && amount < 0 && !component.mayBeNegative()) {
                    errors.add(new SampleError(INCOMES, n, "amount", component.code() + " must not be negative ("
                            + (component == Component.TRANSFER_OUT ? "outgoing transfers are written positive and subtracted"
                            : "only business and property income may be losses") + "): " + amountText));
                }
                if (errors.total == before && h != null) {
                    builder.addIncome(h, component.signed(amount));
                }
            }
        } catch (IngestException e) {
            errors.add(new SampleError(INCOMES, e.error().row(), "", e.error().reason()));
        }
    }

    /** Column indices in the order of {@code required}, or null (with errors) when some are missing. */
    private static int[] columns(TableReader reader, String file, List<String> required, Errors errors) {
        int[] col = new int[required.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < col.length; i++) {
            col[i] = reader.header().indexOf(required.get(i));
            if (col[i] < 0) {
                missing.add(required.get(i));
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new SampleError(file, 1, String.join(", ", missing), "missing column" + (missing.size() > 1 ? "s" : "")
                    + " in the header (found: " + reader.header() + "; required: " + String.join(", ", required) + ")"));
            return null;
        }
        return col;
    }

    private static long entry(int household, long row) {
        return ((long) household << 32) | (row & 0xFFFF_FFFFL);
    }

    /** The id of a household index, for a message (a scan: only on errors). */
    private static String householdOf(Map<String, Integer> households, int index) {
        return households.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).findFirst()
                .orElse("?");
    }

    private static boolean validSex(String s) {
        return switch (s) {
            case "1", "2", "M", "F", "m", "f", "男", "女" -> true;
            default -> false;
        };
    }

    /** Digits only (what INTEGER matches), without a regular expression: checked on every row. */
    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** What DECIMAL matches ([+-]? digits with an optional '.' part, or '.' digits), without a regular expression. */
    static boolean plainDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                fracDigits++;
            }
            return i == n && (intDigits > 0 || fracDigits > 0);
        }
        return i == n && intDigits > 0;
    }

    private Integer parseAge(String text, long row, Errors errors) {
        if (!digits(text) || text.length() > 4) {
            errors.add(new SampleError(PERSONS, row, "age", text.isEmpty() ? "is empty" : "'" + text + "' is not a whole number of years"));
            return null;
        }
        int age = Integer.parseInt(text);
        if (age > maxAge) {
            errors.add(new SampleError(PERSONS, row, "age", age + " is above the highest accepted age " + maxAge));
            return null;
        }
        return age;
    }

    private static Double parseDecimal(String text, String file, long row, String field, Errors errors) {
        if (!plainDecimal(text) || text.length() > 40) {
            errors.add(new SampleError(file, row, field, text.isEmpty() ? "is empty"
                    : "'" + text + "' is not a plain decimal number (digits, optional sign and '.' decimal point)"));
            return null;
        }
        return Double.parseDouble(text);
    }


    /** Errors up to the listing limit, and a count of all. */
    private final class Errors {
        final List<SampleError> listed = new ArrayList<>();
        int total;

        void add(SampleError e) {
            total++;
            if (listed.size() < maxErrors) {
                listed.add(e);
            }
        }

        SampleException exception() {
            return new SampleException(listed, total);
        }
    }
}
