/**
 * The {@code score}, {@code eval-triage} and {@code train-triage} subcommands the top-level {@code filet} command
 * registers. Each runs without exiting the JVM through {@code mainWithoutExit}.
 */
package org.filet.grooming.cli;
