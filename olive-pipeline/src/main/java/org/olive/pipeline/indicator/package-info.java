/**
 * Storage of the indicator registry's values (table {@code indicator_value}, migration V5): values computed by the
 * pipeline and values entered by hand, append-only, read back as the latest value per indicator and year.
 */
package org.olive.pipeline.indicator;
