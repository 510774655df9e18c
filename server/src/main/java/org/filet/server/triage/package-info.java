/**
 * Triage: every text of a report scored (description, pasted messages, parsed exports, OCR readings of screenshots)
 * with urgency rules over all of them, and the analyst queue, worst first, read from triage's own read model
 * ({@code triage_queue}). Listens to the {@code report-changed} job (intake: received, files added, status changed) to
 * keep the queue row, and to {@code conversations-parsed} (after every parse and OCR) to score; exposes the triage of
 * a report to the staff at {@code GET /api/v1/reports/{receipt}/triage}.
 */
@NullMarked
package org.filet.server.triage;

import org.jspecify.annotations.NullMarked;
