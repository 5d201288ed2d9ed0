package org.olive.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.olive.ingest.csv.CsvTableReader;
import org.olive.ingest.xlsx.XlsxTableReader;

/**
 * Opens the right reader for a file by its first bytes, not its name: a zip (XLSX) or anything else (CSV). A
 * legacy Excel 97-2003 workbook (.xls) is refused with a clear message.
 */
public final class TableReaders {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private TableReaders() {
    }

    /** Opens a CSV or XLSX file. */
    public static TableReader open(Path path, ReaderOptions options) {
        String file = path.getFileName().toString();
        byte[] magic;
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.IO, "the file does not exist: " + path), e);
        } catch (IOException e) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.IO, "the file cannot be read: " + e.getMessage()), e);
        }
        if (startsWith(magic, OLE2)) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.UNSUPPORTED_FORMAT,
                    "this is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx or CSV"));
        }
        if (startsWith(magic, ZIP) || isXlsxName(file) && magic.length > 0) {
            return XlsxTableReader.open(path, options);
        }
        try {
            return CsvTableReader.open(Files.newInputStream(path), file, options);
        } catch (IOException e) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.IO, "the file cannot be read: " + e.getMessage()), e);
        }
    }

    /**
     * Opens a CSV or XLSX stream (e.g. an upload), sniffing its first bytes; the reader owns the stream. A workbook
     * is held in memory while it is read (the XLSX reader needs random access); a CSV streams.
     *
     * @param file the file name for messages
     */
    public static TableReader open(InputStream in, String file, ReaderOptions options) {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in);
        byte[] magic;
        try {
            buffered.mark(OLE2.length);
            magic = buffered.readNBytes(OLE2.length);
            buffered.reset();
        } catch (IOException e) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.IO, "the file cannot be read: " + e.getMessage()), e);
        }
        if (startsWith(magic, OLE2)) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.UNSUPPORTED_FORMAT,
                    "this is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx or CSV"));
        }
        if (startsWith(magic, ZIP) || isXlsxName(file) && magic.length > 0) {
            return XlsxTableReader.open(buffered, file, options);
        }
        return CsvTableReader.open(buffered, file, options);
    }

    private static boolean isXlsxName(String file) {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
