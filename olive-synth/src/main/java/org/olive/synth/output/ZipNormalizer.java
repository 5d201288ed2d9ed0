package org.olive.synth.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an XLSX (zip) so that it no longer depends on the wall clock: every entry gets the same local
 * timestamp and the {@code dcterms:created} property is replaced by that timestamp. Entry order and content are
 * kept.
 */
public final class ZipNormalizer {

    private ZipNormalizer() {
    }

    public static void write(byte[] xlsx, Path file, LocalDateTime stamp) throws IOException {
        String created = stamp.atOffset(ZoneOffset.UTC).toInstant().toString();
        // The writer streams entries with data descriptors, which ZipInputStream cannot always read back, so the
        // raw workbook goes through a temporary file read with ZipFile (central directory).
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, xlsx);
        try (ZipFile in = new ZipFile(tmp.toFile());
             OutputStream fos = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream out = new ZipOutputStream(fos)) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data;
                try (var is = in.getInputStream(e)) {
                    data = is.readAllBytes();
                }
                if (e.getName().equals("docProps/core.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    xml = xml.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + created + "$2");
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry n = new ZipEntry(e.getName());
                n.setTimeLocal(stamp);
                out.putNextEntry(n);
                out.write(data);
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
