/**
 * Retention and legal hold: each organisation says how long it keeps what it was sent, by outcome (reports closed
 * without referral, referred cases after the authority's last outcome, the reporter's contact details once a report is
 * closed); a lead or an administrator puts a case on legal hold, which blocks every deletion. Deletion is
 * crypto-shredding: an object's data key is destroyed, its hash and custody entries stay, and a
 * {@code deleted-by-retention} custody event names the objects and the rule. Runs daily (one node at a time) and from
 * {@code filet retention run}.
 */
@NullMarked
package org.filet.server.retention;

import org.jspecify.annotations.NullMarked;
