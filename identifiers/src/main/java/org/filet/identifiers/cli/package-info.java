/**
 * The {@code identifiers} command for the {@code filet} CLI: {@code identifiers normalise} and {@code identifiers
 * extract}, for operators checking what Filet makes of a phone number, address, link, handle or text. Publishes and
 * listens to no events.
 */
@NullMarked
package org.filet.identifiers.cli;

import org.jspecify.annotations.NullMarked;
