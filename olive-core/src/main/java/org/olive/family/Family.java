package org.olive.family;

import java.util.List;

/**
 * A family (家庭) of a period: the economic unit.
 *
 * @param familyKey stable key ('F' + digits)
 * @param anchorId  ID number of the anchor: the head of the hukou, or the husband of the couple it forms around
 * @param kind      HUKOU (derived from a registration household) or MIGRANT (a one-person family of a migrant)
 * @param hukouNo   the registration household it comes from; null for a migrant
 * @param members   the members, anchor first
 */
public record Family(String familyKey, String anchorId, String kind, String hukouNo, String villageCode,
                    List<Member> members) {

    /** A member, the role they hold, their hukou relation code and the basis: the records and rule behind it. */
    public record Member(String personId, Role role, String relationCode, String basis) {
    }

    /** Role in the family, relative to its anchor. */
    public enum Role { HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, OTHER }
}
