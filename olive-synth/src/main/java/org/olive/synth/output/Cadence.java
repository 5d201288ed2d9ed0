package org.olive.synth.output;

/** How often a dataset is delivered. Yearly datasets are written in their year's December folder. */
public enum Cadence { MONTHLY, YEARLY }
