/**
 * JMH benchmarks of the plain-Java cores (PDQ, index, chat import, triage, ledger). One sub-package per core.
 * The figures that the project tracks are also printed by {@code ./filet bench}.
 */
package org.filet.bench;
