package org.olive.income;

/**
 * What a family flag (family_flag) says: the family is in a bracket, or below a line. Later kinds: GROUP, TAG, WARNING.
 * A new flag of a kind is a row, never a column: adding a bracket to the profile needs no migration.
 */
public enum FlagKind {
    /** In an income bracket of the profile (its id). */
    BRACKET,
    /** Below a line ({@link LinesAt#DIBAO}, {@code DIBIAN}, {@code TEKUN}, {@code ASSIST}, {@code SAFETY_NET}). */
    LINE
}
