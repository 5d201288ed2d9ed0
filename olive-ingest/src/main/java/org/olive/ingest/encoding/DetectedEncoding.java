package org.olive.ingest.encoding;

import java.nio.charset.Charset;

/**
 * The charset chosen for a text file and why.
 *
 * @param charset   the charset to decode the bytes after the byte-order mark with
 * @param bomLength bytes of byte-order mark at the start of the file, to skip
 * @param reason    a sentence for the ingestion report, e.g. "the first 65536 bytes are not valid UTF-8 …"
 */
public record DetectedEncoding(Charset charset, int bomLength, String reason) {
}
