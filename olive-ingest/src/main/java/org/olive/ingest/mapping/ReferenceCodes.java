package org.olive.ingest.mapping;

import java.util.Objects;
import java.util.Set;

/**
 * The codes one field of a dataset must take, from a reference outside the file (e.g. the policy codes of a county's
 * policies.yaml for {@code subsidy_payment.policy_code}). Such a code list is the county's, not the mapping's: it
 * changes when the county adds a policy, so it is given to the ingest from the profile instead of being copied into
 * the mapping's {@code values}. For a field with reference codes the mapping's {@code values} only translate local
 * names and item codes: a value not in them is taken as written, and a value (translated or not) outside the
 * reference codes is refused with {@code '<value>' is not <description>}.
 *
 * @param dataset     the dataset (mapping name)
 * @param field       the canonical field
 * @param codes       the accepted codes, after the values map
 * @param description what the codes are, completing "is not …" in a refusal, e.g. {@code a policy of policies.yaml}
 */
public record ReferenceCodes(String dataset, String field, Set<String> codes, String description) {

    public ReferenceCodes {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(field, "field");
        codes = Set.copyOf(codes);
        Objects.requireNonNull(description, "description");
    }

    /** Whether these codes apply to the field of the dataset. */
    public boolean appliesTo(String dataset, String field) {
        return this.dataset.equals(dataset) && this.field.equals(field);
    }

    /** The refusal of a value outside the codes, or {@code null} when it is one of them. */
    public String refusal(String value) {
        return codes.contains(value) ? null : "'" + value + "' is not " + description;
    }
}
