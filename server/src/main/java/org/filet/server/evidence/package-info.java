/**
 * Evidence: the only writer of evidence. A content-addressed, write-once store of original bytes (the address is the
 * SHA-256 of the content, checked on every read) and the custody record of what was done to each object, by whom
 * and when. The custody record is written in the same transaction as what it records, by {@link
 * org.filet.server.evidence.CustodyLedger}, the single component that appends to it.
 */
@NullMarked
package org.filet.server.evidence;

import org.jspecify.annotations.NullMarked;
