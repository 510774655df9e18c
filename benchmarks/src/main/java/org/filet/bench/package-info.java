/**
 * Benchmarks of the plain-Java cores (PDQ, index, chat import, triage, identifiers, linking, ledger, verifier), one
 * sub-package per core: JMH benchmarks ({@code *Benchmark}) and the self-timed figures {@code ./filet bench} prints
 * ({@code *Bench}: heap, CPU-time and ratio figures JMH does not give). Every one has a test that its answer is right.
 * The figures that the project tracks are also printed by {@code ./filet bench}.
 */
package org.filet.bench;
