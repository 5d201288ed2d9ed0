/**
 * The income ledger's domain (收入一本账; domain.md §4, §5): income components, methods, and the family figures,
 * brackets and lines. Framework-free.
 */
package org.olive.income;
