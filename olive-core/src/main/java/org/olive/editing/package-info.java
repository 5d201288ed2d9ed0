/**
 * Editing of monetary amounts (数据审核; docs/editing.md): the pure rules that decide whether a recorded amount is
 * kept, corrected (a ×10ⁿ slip divided back) or excluded before it enters incomes. Every threshold is a parameter
 * passed in by the caller (the pipeline reads them from editing.yaml). Framework-free.
 */
package org.olive.editing;
