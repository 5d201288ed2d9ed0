package org.olive.app.web;

import java.util.List;

import org.springframework.ui.Model;

/**
 * The period a ledger page shows: the asked one when it has a run, else the latest (null without any run), and whether
 * an asked period was replaced (the page says so). One rule for the group and occupation pages.
 *
 * @param periods the periods with a run, newest first
 * @param chosen  the period shown, or null
 * @param unknown whether a period was asked for that has no run
 */
public record PeriodChoice(List<String> periods, String chosen, boolean unknown) {

    public static PeriodChoice of(List<String> periods, String asked) {
        String a = asked == null || asked.isBlank() ? null : asked.strip();
        String chosen = a != null && periods.contains(a) ? a : periods.isEmpty() ? null : periods.get(0);
        return new PeriodChoice(periods, chosen, a != null && !a.equals(chosen));
    }

    /** The page's model attributes {@code periods}, {@code period} and {@code unknownPeriod}. */
    public void addTo(Model model) {
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("unknownPeriod", unknown);
    }
}
