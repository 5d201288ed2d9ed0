/**
 * Truth comparison of the injected faults (docs/editing.md, {@code olive faults}): what the pipeline rejected,
 * repaired, edited or flagged, against the synthetic county's {@code truth/faults.csv}, per fault type. Apart from the
 * production pipeline (module olive-accuracy), which never reads the truth. One {@link org.olive.accuracy.faults.FaultMatcher} per
 * fault type, so that matchers for new evidence (presence imputations, duplicate-crossing counts) plug in.
 */
package org.olive.accuracy.faults;
