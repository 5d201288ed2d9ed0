package org.olive.app.web;

import org.olive.app.account.Permission;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.export.SmallCells;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.springframework.stereotype.Component;

/**
 * Which small-cell rule the aggregate pages and exports apply (docs/access.md "Small cells"): the county profile's
 * dated {@code publication.min_cell_persons} at the period, except on a page for a role that may read the persons
 * themselves county-wide ({@link Permission#READ_PERSONAL_DATA} with the county as scope: ADMIN, ANALYST), who would
 * find the same persons by name in the member lists: they see exact counts. A cadre (personal data of one township
 * only) and the policy officer (aggregates only) see the rule applied. An export leaves Olive: always the rule.
 */
@Component
public class PublishedCounts {

    private final CountyProfile profile;

    public PublishedCounts(CountyProfile profile) {
        this.profile = profile;
    }

    /** The rule of a page seen by the current user. */
    public SmallCells page(AreaScope scope, Period p) {
        return Access.may(Permission.READ_PERSONAL_DATA) && scope.isCounty() ? SmallCells.EXACT : export(p);
    }

    /** The rule of a file that leaves Olive (XLSX, the CLI): the profile's, whoever asks. */
    public SmallCells export(Period p) {
        return profile.income().smallCells(p);
    }
}
