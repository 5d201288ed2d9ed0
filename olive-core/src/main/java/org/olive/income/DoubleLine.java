package org.olive.income;

/**
 * The Shengsi assistance double line (扶助双线, domain.md §5): the family's monthly income per capita after rigid
 * expenditure against the minimum wage.
 */
public enum DoubleLine {
    /** At or above the assistance share of the minimum wage. */
    NONE,
    /** Below the assistance share (80%) but not below the safety-net share: assistance target (帮扶对象). */
    ASSIST,
    /** Below the safety-net share (40%): safety-net target (兜底保障对象). */
    SAFETY_NET
}
