package org.olive.occupation;

/**
 * Where an occupation comes from (person_occupation.source): the evidence sources in the order of the occupation
 * profile's precedence, {@link #PENSION} for a retired person of working age, {@link #NONE} when nothing tells.
 */
public enum OccupationSource {
    /** A skill certificate (职业技能等级证书): its GB/T 6565 code. */
    CERTIFICATE,
    /** Social insurance with an employer: the employer's GB/T 4754 industry → the profile's likely 中类. */
    EMPLOYER,
    /** Operator or legal representative of an open market entity. */
    BUSINESS,
    /** Platform work (新就业形态): the kind → the profile's new internet occupation. */
    PLATFORM,
    /** Fishing: vessel owner or crew. */
    FISHERY,
    /** An aquaculture licence (养殖证). */
    AQUACULTURE,
    /** Owner of an operating B&B (民宿). */
    BNB,
    /** Retired: receives an employee or public-sector pension. */
    PENSION,
    /** No evidence. */
    NONE
}
