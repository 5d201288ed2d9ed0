package org.olive.pipeline.fact;

import org.olive.fact.PersonFact;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The person facts of every person of a period's person_period (docs/person-facts.md), by person_key: what step
 * {@code facts} publishes ({@link FactOutputs#PERSON_FACTS}) for the occupations, the key groups and the tags.
 * Immutable; iterated in person_key order.
 */
public final class PersonFacts {

    private final Map<Long, PersonFact> facts;

    public PersonFacts(Map<Long, PersonFact> facts) {
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(facts)));
    }

    /** The facts of a person, or null when the person is not in the period's person_period. */
    public PersonFact get(long personKey) {
        return facts.get(personKey);
    }

    /** Every person's facts, in person_key order. */
    public Collection<PersonFact> all() {
        return facts.values();
    }

    /** The facts by person_key (unmodifiable, in person_key order). */
    public Map<Long, PersonFact> byKey() {
        return facts;
    }

    public int size() {
        return facts.size();
    }
}
