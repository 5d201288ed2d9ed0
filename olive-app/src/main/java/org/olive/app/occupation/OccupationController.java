package org.olive.app.occupation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.olive.app.population.AreaNames;
import org.olive.period.Period;
import org.olive.pipeline.occupation.OccupationReport;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The occupation ledger's page (职业一本账, {@code /occupations}; docs/occupations.md): the working-age persons with an
 * occupation and by source, the GB/T 6565 中类 and GB/T 4754 industry divisions held (charts and tables), the
 * townships, and the series over every period with a run — what step occupations stored, read through {@link
 * OccupationReport} (the read model {@code olive occupations} prints). Aggregates only: every role, not audited.
 */
@Controller
public class OccupationController {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AreaNames areas;

    public OccupationController(JdbcClient jdbc, DataSource dataSource, AreaNames areas) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.areas = areas;
    }

    /** Periods with a run of step occupations, newest first. */
    List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM person_occupation ORDER BY data_period DESC")
                .query(String.class).list();
    }

    @GetMapping("/occupations")
    public String occupations(@RequestParam(required = false) String period,
                              @RequestParam(required = false) String township, Model model) {
        List<String> periods = periods();
        String chosen = period != null && periods.contains(period.strip()) ? period.strip()
                : periods.isEmpty() ? null : periods.get(0);
        String town = null;
        if (township != null && !township.isBlank()) {
            town = areas.township(township.strip());
            if (town == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown township " + township);
            }
        }
        model.addAttribute("ledger", "occupations");
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("unknownPeriod", period != null && !period.isBlank() && !period.strip().equals(chosen));
        model.addAttribute("township", town);
        model.addAttribute("townships", areas.divisions().townships());
        model.addAttribute("areas", areas);
        if (chosen != null) {
            try (Connection c = dataSource.getConnection()) {
                model.addAttribute("report", OccupationReport.read(c, Period.parse(chosen), town));
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("occupations of " + chosen + ": " + e.getMessage(), e);
            }
        }
        return "occupation/occupations";
    }
}
