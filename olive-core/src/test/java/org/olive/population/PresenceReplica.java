package org.olive.population;

import java.io.*;
import java.nio.*;
import java.nio.charset.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.lang.reflect.*;

/**
 * A measuring aid, not a test: an offline replica of the ledger's presence step (docs/population.md) over a generated
 * county's CSV extracts, compared with the truth, to measure residence rules on large counties without a ledger run of
 * every month. It reads the hukou and floating registrations of P, the deaths up to P and every crossing from the
 * window's start minus 365 days, and applies the same rules as PresenceStep (without record matching of rejected IDs).
 * Run: {@code java -Xmx3g -cp olive-core/target/olive-core-*.jar olive-core/src/test/java/org/olive/population/PresenceReplica.java
 * COUNTY_DIR YYYY-MM new}
 */
public class PresenceReplica {
    static String read(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("GB18030"));
        }
    }
    static List<String[]> rows(Path f) throws IOException {
        List<String[]> out = new ArrayList<>();
        String[] lines = read(f).split("\r?\n");
        for (int i = 1; i < lines.length; i++) if (!lines[i].isBlank()) out.add(lines[i].split(",", -1));
        return out;
    }
    public static void main(String[] a) throws Exception {
        Path county = Path.of(a[0]);
        YearMonth p = YearMonth.parse(a[1]);
        boolean newRules = a.length > 2 && a[2].equals("new");
        LocalDate end = p.atEndOfMonth();
        LocalDate windowStart = end.minusDays(364);
        LocalDateTime readFrom = windowStart.minusDays(365).atStartOfDay();
        LocalDateTime endEx = end.plusDays(1).atStartOfDay();
        String ps = p.toString().replace("-", "");
        Set<String> deaths = new HashSet<>();
        Set<String> normal = new HashSet<>();
        Map<String, LocalDate> floatStart = new HashMap<>();
        Set<String> floatingActive = new HashSet<>();
        List<Path> crossingFiles = new ArrayList<>();
        try (var dirs = Files.list(county)) {
            for (Path d : dirs.sorted().toList()) {
                String n = d.getFileName().toString();
                if (!n.matches("\\d{4}-\\d{2}") || YearMonth.parse(n).isAfter(p)) continue;
                try (var fs = Files.list(d)) {
                    for (Path f : fs.toList()) {
                        String fn = f.getFileName().toString();
                        if (fn.startsWith("进出岛记录")) crossingFiles.add(f);
                        if (fn.startsWith("出生死亡登记")) for (String[] r : rows(f))
                            if (r[0].contains("死亡") && !r[4].isEmpty() && !LocalDate.parse(r[4]).isAfter(end)) deaths.add(r[1]);
                    }
                }
            }
        }
        Path dir = county.resolve(p.toString());
        for (String[] r : rows(dir.resolve("户籍人口_" + ps + ".csv"))) if (r[11].equals("正常")) normal.add(r[0]);
        for (String[] r : rows(dir.resolve("流动人口居住登记_" + ps + ".csv"))) {
            LocalDate s = r[7].isEmpty() ? null : LocalDate.parse(r[7]);
            LocalDate e = r[8].isEmpty() ? null : LocalDate.parse(r[8]);
            if ((s == null || !s.isAfter(end)) && (e == null || e.isAfter(end))) { floatingActive.add(r[0]); if (s != null) floatStart.put(r[0], s); }
        }
        Set<String> registered = new HashSet<>(normal); registered.removeAll(deaths);
        Set<String> presumed = new HashSet<>(registered);
        for (String f : floatingActive) if (!deaths.contains(f)) presumed.add(f);
        Map<String, long[]> cross = new HashMap<>();
        for (Path f : crossingFiles) {
            for (String line : (Iterable<String>) read(f).lines()::iterator) {
                String[] r = line.split(",", -1);
                if (r.length < 4 || r[0].length() != 18 || r[3].length() < 19) continue;
                LocalDateTime t;
                try { t = LocalDateTime.parse(r[3].substring(0, 10) + "T" + r[3].substring(11, 19)); } catch (Exception e) { continue; }
                if (t.isBefore(readFrom) || !t.isBefore(endEx)) continue;
                Crossing.Direction dir2 = r[2].equals("进岛") ? Crossing.Direction.IN : r[2].equals("出岛") ? Crossing.Direction.OUT : null;
                if (dir2 == null) continue;
                long v = (t.toEpochSecond(ZoneOffset.UTC) << 1) | (dir2 == Crossing.Direction.OUT ? 1 : 0);
                long[] arr = cross.get(r[0]);
                if (arr == null) { arr = new long[3]; cross.put(r[0], arr); }
                if (arr[0] + 1 >= arr.length) { arr = Arrays.copyOf(arr, arr.length * 2); cross.put(r[0], arr); }
                arr[(int) ++arr[0]] = v;
            }
        }
        ResidenceRules rules = new ResidenceRules(365, 183, Duration.ofHours(6), ResidenceRules.DayRule.ANY_TIME, Duration.ofDays(3), true, Duration.ofDays(30));
        PresenceReconstruction rec = new PresenceReconstruction(rules);
        Method four = null;
        for (Method m : PresenceReconstruction.class.getMethods()) if (m.getName().equals("reconstruct") && m.getParameterCount() == 4) four = m;
        Set<String> ours = new HashSet<>();
        Map<String, Long> patterns = new TreeMap<>();
        for (var e0 : cross.entrySet()) {
            String id = e0.getKey();
            long[] arr = e0.getValue();
            List<Crossing> list = new ArrayList<>((int) arr[0]);
            for (int i = 1; i <= arr[0]; i++) list.add(new Crossing(LocalDateTime.ofEpochSecond(arr[i] >> 1, 0, ZoneOffset.UTC),
                    (arr[i] & 1) == 1 ? Crossing.Direction.OUT : Crossing.Direction.IN, ""));
            var e = Map.entry(id, list);
            boolean reg = presumed.contains(id);
            Presence pr = newRules ? (Presence) four.invoke(rec, e.getValue(), end, reg, from(id, reg && !registered.contains(id) ? floatStart.get(id) : null))
                    : rec.reconstruct(e.getValue(), end, reg);
            if (newRules) for (Object im : pr.imputed()) {
                String pat = im.getClass().getMethod("pattern").invoke(im).toString();
                LocalDateTime t = (LocalDateTime) im.getClass().getMethod("time").invoke(im);
                if (!t.toLocalDate().isBefore(windowStart)) patterns.merge(pat, 1L, Long::sum);
            }
            if (pr.resident() && !(newRules && deaths.contains(id))) ours.add(id);
        }
        long away = 0;
        for (String id : presumed) if (!cross.containsKey(id)) {
            if (newRules && registered.contains(id)) {
                LocalDate b = from(id, null);
                int age = b == null ? -1 : java.time.Period.between(b, end).getYears();
                if (age >= 18 && age <= 64) { away++; continue; }
            }
            Presence pr = newRules ? (Presence) four.invoke(rec, List.of(), end, true, from(id, !registered.contains(id) ? floatStart.get(id) : null))
                    : rec.reconstruct(List.of(), end, true);
            if (pr.resident()) ours.add(id);
        }
        Map<String, String> cat = new HashMap<>();
        Set<String> trueRes = new HashSet<>();
        for (String[] r : rows(county.resolve("truth/" + p + "/residence.csv"))) { cat.put(r[1], r[3]); if (r[5].equals("1")) trueRes.add(r[1]); }
        long both = ours.stream().filter(trueRes::contains).count();
        Map<String, Long> fp = new TreeMap<>();
        for (String id : ours) if (!trueRes.contains(id)) fp.merge(cat.getOrDefault(id, "not_in_truth"), 1L, Long::sum);
        System.out.printf("%s %s %s rules: residents %d vs truth %d (%+.2f%%), precision %.4f (%d/%d), recall %.4f (%d/%d), false residents by truth category %s, imputed in window by pattern %s, no-crossing adults presumed away %d%n",
                county, p, newRules ? "new" : "old", ours.size(), trueRes.size(), 100.0 * (ours.size() - trueRes.size()) / trueRes.size(),
                (double) both / ours.size(), both, ours.size(), (double) both / trueRes.size(), both, trueRes.size(), fp, patterns, away);
    }
    static LocalDate from(String id, LocalDate floatStart) {
        LocalDate b = null;
        try { b = LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE); } catch (Exception e) { }
        if (floatStart != null && (b == null || floatStart.isAfter(b))) return floatStart;
        return b;
    }
}
