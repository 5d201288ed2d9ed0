package org.olive.assistance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an assistance case (帮扶, the loop 发现—预警—帮扶—评估; docs/cases.md): discovered → warned → assisting →
 * evaluating → closed, and a closed case may be reopened. {@link #may} is the one table of allowed moves.
 */
public enum CaseState {
    /** 发现: opened by the run from a red or yellow warning. */
    DISCOVERED,
    /** 预警: the township has been told and the family is being looked at. */
    WARNED,
    /** 帮扶: assistance is under way (the first assistance action moves a case here). */
    ASSISTING,
    /** 评估: the run compares the family's figures months after the first assistance. */
    EVALUATING,
    /** 结案: closed with a reason. */
    CLOSED,
    /** 重新打开: a closed case whose family was warned again within the reopen window. */
    REOPENED;

    private static final Map<CaseState, Set<CaseState>> MOVES = Map.of(
            DISCOVERED, EnumSet.of(WARNED, ASSISTING, CLOSED),
            WARNED, EnumSet.of(ASSISTING, CLOSED),
            ASSISTING, EnumSet.of(EVALUATING, CLOSED),
            EVALUATING, EnumSet.of(ASSISTING, CLOSED),
            CLOSED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(WARNED, ASSISTING, CLOSED));

    /** Whether a case may move from this state to {@code next}. */
    public boolean may(CaseState next) {
        return next != null && MOVES.get(this).contains(next);
    }

    /** The states this one may move to. */
    public Set<CaseState> next() {
        return EnumSet.copyOf(MOVES.get(this));
    }

    /** Every state but CLOSED is open: a family has at most one open case. */
    public boolean open() {
        return this != CLOSED;
    }

    /** Whether the case still waits for assistance to start: its due date applies (discovered, warned, reopened). */
    public boolean awaitsAssistance() {
        return this == DISCOVERED || this == WARNED || this == REOPENED;
    }

    /** The state of a name, or an IllegalArgumentException naming the allowed ones. */
    public static CaseState of(String name) {
        try {
            return valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state '" + name + "': expected one of " + java.util.Arrays.toString(values()));
        }
    }
}
