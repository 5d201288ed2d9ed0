package org.olive.family;

import java.time.LocalDate;

/**
 * One row of a period's hukou snapshot (户籍人口) as the family builder sees it: a person of a registration household
 * with the GB/T 4761-2008 code of their relation to the head.
 *
 * @param personId      the 18-character ID number (after repairs and record matching)
 * @param hukouNo       the registration household number (户号)
 * @param relationCode  GB/T 4761-2008 relation to the head, two digits (02 户主, 10 配偶, 20 子, 38 儿媳 …)
 * @param sex           M, F or U
 * @param maritalStatus GB/T 2261.2 major code: 10 unmarried, 20 married, 30 widowed, 40 divorced, 90 unknown; may be null
 * @param status        NORMAL, DEAD or MOVED_OUT
 * @param statusDate    date of a DEAD / MOVED_OUT status; null otherwise
 * @param source        the record behind the row, e.g. "户籍人口_202501.csv 第12行", kept for explanations
 */
public record HukouMember(String personId, String name, String hukouNo, String relationCode, String sex,
                          LocalDate birthDate, String maritalStatus, String villageCode, String status,
                          LocalDate statusDate, String source) {

    public boolean normal() {
        return "NORMAL".equals(status);
    }
}
