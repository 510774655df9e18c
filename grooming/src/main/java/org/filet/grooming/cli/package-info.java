/**
 * The {@code score}, {@code eval-triage} and {@code train-triage} subcommands the top-level {@code filet} command
 * registers. Each runs without exiting the JVM through {@code mainWithoutExit}.
 */
@NullMarked
package org.filet.grooming.cli;

import org.jspecify.annotations.NullMarked;
