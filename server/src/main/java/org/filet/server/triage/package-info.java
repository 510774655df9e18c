/**
 * Triage: the analyst queue, worst first. For now immediate danger first, then newest; the grooming-risk score and
 * urgency rules (the {@code grooming} module) will refine the order.
 */
@NullMarked
package org.filet.server.triage;

import org.jspecify.annotations.NullMarked;
