package org.olive.indicator;

/**
 * The indicators of one group of persons (the county, a township, the urban residents, the women, the 60+…): the
 * distribution measures and the pilot indicators (domain.md §7).
 *
 * @param distribution         per-capita DI, Gini and the other distribution measures, bracket shares (pilot 2, 3)
 * @param urbanPerCapita       weighted mean per-capita family DI of the group's urban persons (NaN without any)
 * @param ruralPerCapita       the same for its rural persons
 * @param monitored            persons whose income is monitored / persons (pilot 5)
 * @param relationshipAccurate persons with an accurate family relationship / persons (pilot 4)
 */
public record GroupIndicators(IndicatorSet distribution, double urbanPerCapita, double ruralPerCapita, Share monitored,
                              Share relationshipAccurate) {

    /** A weighted count over a weighted total; the figure is NaN for an empty total. */
    public record Share(double numerator, double denominator) {
        public double figure() {
            return denominator > 0 ? numerator / denominator : Double.NaN;
        }
    }

    /** Pilot indicator 1: urban per-capita DI / rural per-capita DI (NaN when either side is missing or rural ≤ 0). */
    public double urbanRuralRatio() {
        return Double.isFinite(urbanPerCapita) && Double.isFinite(ruralPerCapita) && ruralPerCapita > 0
                ? urbanPerCapita / ruralPerCapita : Double.NaN;
    }

    /** Persons in families within a bracket / persons (pilot 2 and 3), by bracket name; null for an unknown name. */
    public Share bracket(String name) {
        for (IndicatorSet.BracketShare b : distribution.brackets()) {
            if (b.bracket().equals(name)) {
                return new Share(b.share() * distribution.weightedPersons(), distribution.weightedPersons());
            }
        }
        return null;
    }
}
