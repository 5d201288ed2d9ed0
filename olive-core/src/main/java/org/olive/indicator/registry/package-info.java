/**
 * The indicator registry: the county's target indicators (Shengsi's 61 of 2021 and the income-monitoring pilot's 8),
 * their baselines and yearly targets in four forms (number, bound, direction, higher-level quota), the attribute
 * 评价/观察, the responsible departments, and the evaluation of a year's value against its target with a plain-language
 * reason. Loaded from a versioned YAML file ({@link org.olive.indicator.registry.RegistryLoader#builtIn()}).
 */
package org.olive.indicator.registry;
