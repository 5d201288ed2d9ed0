/**
 * Reading departmental extracts (CSV and XLSX, UTF-8 or GB18030) into validated rows, framework-free.
 *
 * <p>Sub-packages by feature: {@code table} (the common row source), {@code encoding} (charset detection),
 * {@code csv} and {@code xlsx} (the readers), {@code field} (typed parsers), {@code mapping} (YAML header
 * mappings), {@code reject} (row outcomes and rejects) and {@code load} (validation of a whole file, with
 * duplicate keys and the count of rows in, loaded and rejected).
 */
package org.olive.ingest;
