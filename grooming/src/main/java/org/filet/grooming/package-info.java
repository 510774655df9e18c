/**
 * Explainable grooming-risk triage: chat spelling normalisation ({@link org.filet.grooming.ChatNormalizer}),
 * hand-written multilingual signals ({@link org.filet.grooming.SignalLexicon}), a hashed linear model
 * ({@link org.filet.grooming.TriageModel}) and model-independent urgency rules ({@link org.filet.grooming.UrgencyRules}),
 * combined by {@link org.filet.grooming.RiskScorer}. Plain Java, no framework; publishes and listens to no events.
 * Chat text is never logged and never appears in {@code toString}.
 */
@NullMarked
package org.filet.grooming;

import org.jspecify.annotations.NullMarked;
