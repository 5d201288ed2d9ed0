package org.olive.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * An endless-looking CSV produced on the fly, never held in memory or written to disk: a hukou-like header, then
 * rows cycled from a pool of varied pre-encoded rows (Chinese names, quoted addresses with commas, amounts) until
 * the requested number of rows. Used to prove that readers stream, and by the benchmark.
 */
public final class GeneratedCsv extends InputStream {

    /** Header of the generated file. */
    public static final String HEADER = "公民身份号码,姓名,性别,出生日期,户号,与户主关系,村社代码,住址,月收入\r\n";
    private static final int POOL = 997;
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"};

    private final byte[][] rows;
    private final byte[] header;
    private final long rowCount;
    private final boolean uniqueIds;
    private long rowsEmitted;
    private byte[] current;
    private int pos;

    /** A stream of {@code rowCount} data rows in a charset; ID numbers repeat every 997 rows. */
    public GeneratedCsv(long rowCount, Charset charset) {
        this(rowCount, charset, false);
    }

    /**
     * A stream of {@code rowCount} data rows in a charset.
     *
     * @param uniqueIds whether every row gets its own valid ID number (for realistic validation with duplicate-key
     *                  checks); otherwise ID numbers repeat with the pool of rows
     */
    public GeneratedCsv(long rowCount, Charset charset, boolean uniqueIds) {
        this.rowCount = rowCount;
        this.uniqueIds = uniqueIds;
        this.header = HEADER.getBytes(charset);
        this.rows = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            rows[i] = row(i).getBytes(charset);
        }
        this.current = header;
    }

    /** The text of the i-th pooled row. */
    public static String row(int i) {
        String name = SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length] + (i % 3 == 0 ? GIVEN[(i / 3) % GIVEN.length] : "");
        String address = i % 4 == 0 ? "\"浙江省嵊泗县菜园镇, 东海社区" + i + "号\"" : "嵊泗县泗礁岛" + i + "号";
        return TestFiles.id(i) + "," + name + "," + (i % 2 == 0 ? "男" : "女") + "," + (1950 + i % 60) + "-0" + (1 + i % 9) + "-1" + (i % 9)
                + ",H" + (100000 + i / 3) + "," + (i % 3 == 0 ? "02" : "20") + "," + TestFiles.village(i) + "," + address
                + "," + (1000 + i * 7) + "." + (i % 100 < 10 ? "0" : "") + (i % 100) + "\r\n";
    }

    /** A valid ID number distinct for every n below 10 million. */
    public static String uniqueId(long n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1940, 1, 1).plusDays(n / 500);
        return org.olive.identity.IdNumber.compose("330922", birth, (int) (n % 500), n % 2 == 0).value();
    }

    /** Average bytes per data row in a charset, to size a stream. */
    public static double bytesPerRow(Charset charset) {
        long total = 0;
        for (int i = 0; i < POOL; i++) {
            total += row(i).getBytes(charset).length;
        }
        return (double) total / POOL;
    }

    /** The rows of the pool as lists of values, for checking. */
    public static List<String> values(int i) {
        List<String> out = new ArrayList<>();
        String r = row(i).strip();
        StringBuilder sb = new StringBuilder();
        boolean q = false;
        for (char c : r.toCharArray()) {
            if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int written = 0;
        while (written < len) {
            if (pos == current.length) {
                if (rowsEmitted == rowCount) {
                    break;
                }
                current = rows[(int) (rowsEmitted % POOL)];
                if (uniqueIds) {
                    current = current.clone();
                    byte[] id = uniqueId(rowsEmitted).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    System.arraycopy(id, 0, current, 0, id.length);
                }
                rowsEmitted++;
                pos = 0;
            }
            int n = Math.min(len - written, current.length - pos);
            System.arraycopy(current, pos, b, off + written, n);
            pos += n;
            written += n;
        }
        return written == 0 ? -1 : written;
    }
}
