/** The {@code import} subcommand the top-level {@code filet} command registers. */
@NullMarked
package org.filet.chatexport.cli;

import org.jspecify.annotations.NullMarked;
