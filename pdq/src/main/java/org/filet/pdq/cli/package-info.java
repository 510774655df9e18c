/** The {@code pdq} picocli subcommand (registered by the {@code filet} command in server). */
package org.filet.pdq.cli;
