package org.olive.pipeline.assistance;

import org.olive.assistance.CaseState;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The one API through which people act on assistance cases (docs/cases.md): a visit note, assistance given (a policy
 * applied or a one-off amount), a referral, a cadre assigned, a move of state, closing with a reason. It checks the
 * action against the case and the state machine ({@link CaseState}) and writes it; who may act on which case is the
 * web app's decision (its access rules), and the web app audits every action.
 */
public final class CaseDesk {

    /** The kinds of a user's action. */
    public static final List<String> KINDS = List.of("VISIT", "ASSISTANCE", "REFERRAL", "ASSIGN", "STATE");

    public static final int MAX_NOTE = 2000;
    public static final int MAX_POLICY = 200;
    public static final int MAX_REASON = 500;

    /** An action refused: the message names the field and the reason. */
    public static final class CaseException extends IllegalArgumentException {
        public CaseException(String message) {
            super(message);
        }
    }

    /**
     * A user's action.
     *
     * @param kind   VISIT, ASSISTANCE, REFERRAL, ASSIGN or STATE
     * @param on     the day it happened (not after today)
     * @param note   the visit note, the referral (to whom, why), a comment; for a move to CLOSED the reason (required)
     * @param policy ASSISTANCE: the policy applied (or null)
     * @param amount ASSISTANCE: a one-off amount in yuan (or null); a policy or an amount is required
     * @param cadre  ASSIGN: the cadre's account name
     * @param state  STATE: the state to move to
     */
    public record Action(String kind, LocalDate on, String note, String policy, BigDecimal amount, String cadre,
                         String state) {
    }

    private CaseDesk() {
    }

    /**
     * Records an action on a case; returns the action's id.
     *
     * @param today      the day of the request (an action may not be dated later)
     * @param dataPeriod the latest period with a run (a case closed now is "closed at" it: the reopen window counts
     *                   from it)
     */
    public static long act(Connection c, long caseId, Action a, String user, LocalDate today, String dataPeriod)
            throws SQLException {
        CaseState state = state(c, caseId);
        String kind = a.kind() == null ? "" : a.kind().strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new CaseException("kind '" + a.kind() + "': expected one of " + String.join(", ", KINDS));
        }
        LocalDate on = a.on() == null ? today : a.on();
        if (on.isAfter(today)) {
            throw new CaseException("date " + on + ": later than today (" + today + ")");
        }
        String note = blank(a.note());
        if (note != null && note.length() > MAX_NOTE) {
            throw new CaseException("note: longer than " + MAX_NOTE + " characters");
        }
        if (state == CaseState.CLOSED && !kind.equals("STATE")) {
            throw new CaseException("case " + caseId + " is closed: reopen it first");
        }
        switch (kind) {
            case "VISIT", "REFERRAL" -> {
                if (note == null) {
                    throw new CaseException("note: required for a " + kind.toLowerCase(Locale.ROOT));
                }
                long id = CaseTables.action(c, caseId, kind, on, null, null, note, null, null, user);
                CaseTables.touch(c, caseId);
                return id;
            }
            case "ASSISTANCE" -> {
                String policy = blank(a.policy());
                if (policy == null && a.amount() == null) {
                    throw new CaseException("assistance: a policy or a one-off amount is required");
                }
                if (policy != null && policy.length() > MAX_POLICY) {
                    throw new CaseException("policy: longer than " + MAX_POLICY + " characters");
                }
                if (a.amount() != null && (a.amount().signum() <= 0 || a.amount().compareTo(new BigDecimal("10000000")) > 0)) {
                    throw new CaseException("amount " + a.amount().toPlainString() + ": must be above 0 and at most 10,000,000");
                }
                long id = CaseTables.action(c, caseId, kind, on, a.amount(), policy, note, null, null, user);
                if (state.awaitsAssistance()) {
                    CaseTables.move(c, caseId, state, CaseState.ASSISTING, on, "assistance started", user);
                }
                CaseTables.touch(c, caseId);
                return id;
            }
            case "ASSIGN" -> {
                String cadre = blank(a.cadre());
                if (cadre == null || cadre.length() > 64) {
                    throw new CaseException("cadre: an account name is required");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE assistance_case SET cadre = ? WHERE id = ?")) {
                    ps.setString(1, cadre);
                    ps.setLong(2, caseId);
                    ps.executeUpdate();
                }
                long id = CaseTables.action(c, caseId, kind, on, null, null, "assigned to " + cadre
                        + (note == null ? "" : ": " + note), null, null, user);
                CaseTables.touch(c, caseId);
                return id;
            }
            default -> {
                CaseState to;
                try {
                    to = CaseState.of(a.state());
                } catch (IllegalArgumentException e) {
                    throw new CaseException(e.getMessage());
                }
                if (!state.may(to)) {
                    throw new CaseException("state: " + state + " cannot move to " + to + " (allowed: " + state.next() + ")");
                }
                if (to == CaseState.CLOSED) {
                    if (note == null) {
                        throw new CaseException("reason: required to close a case");
                    }
                    if (note.length() > MAX_REASON) {
                        throw new CaseException("reason: longer than " + MAX_REASON + " characters");
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE assistance_case SET closed_period = ?, "
                            + "closed_on = ?, close_reason = ? WHERE id = ?")) {
                        ps.setString(1, dataPeriod);
                        ps.setDate(2, Date.valueOf(on));
                        ps.setString(3, note);
                        ps.setLong(4, caseId);
                        ps.executeUpdate();
                    }
                } else if (to == CaseState.REOPENED) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE assistance_case SET closed_period = NULL, "
                            + "closed_on = NULL, close_reason = NULL, reopened_period = ? WHERE id = ?")) {
                        ps.setString(1, dataPeriod);
                        ps.setLong(2, caseId);
                        ps.executeUpdate();
                    }
                }
                CaseTables.move(c, caseId, state, to, on, note, user);
                try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM case_action WHERE case_id = ?")) {
                    ps.setLong(1, caseId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            }
        }
    }

    private static CaseState state(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM assistance_case WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new CaseException("case " + id + ": no such case");
                }
                return CaseState.of(rs.getString(1));
            }
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
