/**
 * Intake: the public report form, the intake API and the reporter's status. Never trusts input: the submission is
 * validated field by field, file types are sniffed from content, sizes and counts are bounded. Durable before it
 * acknowledges: a receipt is given only after the report, its files and its custody record are committed (the
 * {@code IntakeCommitter} group-commits concurrent reports in one transaction).
 */
@NullMarked
package org.filet.server.intake;

import org.jspecify.annotations.NullMarked;
