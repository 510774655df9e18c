/**
 * Explainable grooming-risk triage: chat spelling normalisation ({@link org.filet.grooming.ChatNormalizer}),
 * hand-written multilingual signals ({@link org.filet.grooming.SignalLexicon}), a hashed linear model
 * ({@link org.filet.grooming.TriageModel}) and model-independent urgency rules ({@link org.filet.grooming.UrgencyRules}),
 * combined by {@link org.filet.grooming.RiskScorer} over the shared conversation model
 * ({@link org.filet.conversation.Conversation}) and what is known of its people ({@link org.filet.grooming.Roles}).
 * Plain Java, no framework, no parser (it reads no export: the server hands it parsed conversations); publishes and
 * listens to no events.
 * Chat text is never logged and never appears in {@code toString}.
 */
@NullMarked
package org.filet.grooming;

import org.jspecify.annotations.NullMarked;
