package org.olive.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the family builder needs for one period.
 *
 * @param period          the period, YYYY-MM
 * @param asOf            the last day of the period (ages and "latest event" are taken at this date)
 * @param hukou           the period's hukou snapshot, every status (NORMAL, DEAD, MOVED_OUT)
 * @param migrants        ID numbers of persons present but registered elsewhere (流动): each is a one-person family
 * @param marriages       every marriage / divorce registration up to {@code asOf}
 * @param births          every birth registration up to {@code asOf}
 * @param deaths          every death registration up to {@code asOf}
 * @param previousFamily  person ID number -> family key in the previous period (empty for the first period)
 * @param resolutions     conflict key -> decision taken by a person; respected by the builder
 * @param newFamilyKey    hands out a fresh, never used family key
 */
public record FamilyInput(String period, LocalDate asOf, List<HukouMember> hukou, List<String> migrants,
                          List<CivilRecords.Marriage> marriages, List<CivilRecords.Birth> births,
                          List<CivilRecords.Death> deaths, Map<String, String> previousFamily,
                          Map<String, String> resolutions, Supplier<String> newFamilyKey) {
}
