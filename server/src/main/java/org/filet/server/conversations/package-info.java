/**
 * Conversations: chat exports found among a report's files are parsed (the {@code chatexport} module) into one
 * conversation model. Each parse is a derived artefact in the evidence store, linked by hash to the untouched
 * original with a {@code parsed} custody event, and is redone when the parser version changes. Listens to the
 * {@code report-received} job; enqueues {@code conversations-parsed} for triage.
 */
@NullMarked
package org.filet.server.conversations;

import org.jspecify.annotations.NullMarked;
