/**
 * Record matching for the person registry: attributing a source record whose ID number is invalid or missing to a
 * person, by ID body, name, sex, birth date and village, with an explainable score ({@link org.olive.person.RecordMatcher},
 * {@link org.olive.person.MatchRules}). Framework-free.
 */
package org.olive.person;
