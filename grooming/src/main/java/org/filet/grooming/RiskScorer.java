package org.filet.grooming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;

/**
 * Scores conversations: normalises each message, finds its signals, feeds the linear model message by message
 * (so the first message at which the risk crosses the operating threshold is known) and applies the urgency rules.
 * English, German and Dutch are scored by the model's full layer (n-grams and signals); French by its signals-only
 * layer, since there is no labelled French grooming data to learn n-grams from. Each language has its own
 * calibration and thresholds.
 * Thread-safe: each call keeps its own state.
 */
public final class RiskScorer {

    /**
     * A conversation showing this many distinct grooming tactics is at least MEDIUM whatever the model says: the model
     * learnt from late-stage US chats, while early tactics (trust, secrecy, isolation, moving apps) matter most for
     * prevention and in every language.
     */
    static final int TACTICS_FOR_MEDIUM = 2;

    /** Signals too common in ordinary chat to count as a tactic on their own. */
    private static final long NOT_TACTICS = UrgencyRules.bit(Signal.TIME)
            | UrgencyRules.bit(Signal.PLACE)
            | UrgencyRules.bit(Signal.AGE_ASKED)
            | UrgencyRules.bit(Signal.ORIGIN_ASKED)
            | UrgencyRules.bit(Signal.LOCATION_ASKED)
            | UrgencyRules.bit(Signal.ADULT_AGE_STATED)
            | UrgencyRules.bit(Signal.MINOR_AGE_STATED)
            | UrgencyRules.bit(Signal.DEADLINE);

    /**
     * Early-stage tactics that make a conversation at least MEDIUM on their own: moving the chat to another app or
     * to a private or disappearing channel, the step that takes a child out of a moderated place and is often the
     * only one a parent sees. Teenagers do it among themselves all the time, so it is not an alert (HIGH); the other
     * early tactics (secrecy, isolation, trust, a claimed acquaintance, questions about being alone) count towards
     * the two-tactics rule, since each alone is ordinary between peers.
     */
    static final long EARLY_TACTICS = UrgencyRules.bit(Signal.CHANNEL_MOVE);

    private final TriageModel model;
    private final UrgencyRules rules;
    private final MessageAnalyzer analyzer = MessageAnalyzer.standard();

    public RiskScorer(TriageModel model, UrgencySettings settings) {
        this.model = model;
        this.rules = new UrgencyRules(settings);
    }

    public RiskScorer(TriageModel model) {
        this(model, UrgencySettings.defaults());
    }

    /** The scorer with the bundled model and default urgency settings. */
    public static RiskScorer standard() {
        return new RiskScorer(TriageModel.bundled());
    }

    /** Scores a conversation, nothing known of its people, guessing its language from the text. */
    public RiskScore score(Conversation conversation) {
        return score(conversation, Roles.NONE, Optional.empty());
    }

    /** Scores a conversation, guessing its language from the text. */
    public RiskScore score(Conversation conversation, Roles roles) {
        return score(conversation, roles, Optional.empty());
    }

    /** Scores a conversation, nothing known of its people, read in the given language (or guessed when empty). */
    public RiskScore score(Conversation conversation, Optional<Language> language) {
        return score(conversation, Roles.NONE, language);
    }

    /**
     * Scores a conversation read in the given language (or guessed when empty). Only messages with text count (media,
     * calls or deleted messages without a caption are skipped); indexes in the result are the conversation's.
     */
    public RiskScore score(Conversation conversation, Roles roles, Optional<Language> language) {
        List<Message> messages = withText(conversation.messages());
        Language lang = language.orElseGet(() -> MessageAnalyzer.language(texts(messages)));
        TriageModel.LayerKind layer = model.layer(lang);
        boolean hashed = layer == TriageModel.LayerKind.FULL;
        double high = model.highThreshold(lang);
        FeatureCounts counts = new FeatureCounts(model.weights());
        long[] masks = new long[messages.size()];
        int firstAlert = -1;
        double p = model.probability(model.linearScore(counts, lang), lang);
        for (int i = 0; i < messages.size(); i++) {
            String normalized = analyzer.normalize(messages.get(i).text(), lang);
            masks[i] = analyzer.signals(normalized, lang);
            counts.addSignals(masks[i]);
            if (hashed) {
                FeatureHasher.hash(normalized, counts::add);
            }
            p = model.probability(model.linearScore(counts, lang), lang);
            if (firstAlert < 0 && p >= high) {
                firstAlert = messages.get(i).index();
            }
        }
        List<UrgencyReason> urgencies = rules.evaluate(messages, roles, masks);
        for (UrgencyReason u : urgencies) {
            if (!u.messageIndexes().isEmpty()) {
                int at = firstUrgentIndex(u, messages, masks, u.messageIndexes().get(0));
                firstAlert = firstAlert < 0 ? at : Math.min(firstAlert, at);
            }
        }
        RiskLevel level = level(p, model.mediumThreshold(lang), high, masks, !urgencies.isEmpty());
        if (firstAlert < 0 && level == RiskLevel.URGENT && !messages.isEmpty()) {
            firstAlert = messages.get(0).index();
        }
        return new RiskScore(
                p,
                high,
                level,
                lang,
                evidence(messages, masks),
                urgencies,
                firstAlert < 0 ? OptionalInt.empty() : OptionalInt.of(firstAlert),
                model.levelPrecision(lang, level));
    }

    /**
     * The level of a conversation: URGENT when a rule fired; HIGH at or above the operating threshold; MEDIUM at or
     * above the medium threshold, or with two distinct tactics, or with a move to another app or a private channel
     * ({@link #EARLY_TACTICS}); LOW otherwise.
     */
    static RiskLevel level(double p, double medium, double high, long[] masks, boolean urgent) {
        if (urgent) {
            return RiskLevel.URGENT;
        }
        if (p >= high) {
            return RiskLevel.HIGH;
        }
        long all = 0;
        for (long m : masks) {
            all |= m;
        }
        return p >= medium || Long.bitCount(all & ~NOT_TACTICS) >= TACTICS_FOR_MEDIUM || (all & EARLY_TACTICS) != 0
                ? RiskLevel.MEDIUM
                : RiskLevel.LOW;
    }

    /**
     * A meeting rule is complete only once both the meeting and its time or place were written, so the alert index
     * is the later of the two; other rules fire at their own message.
     */
    private static int firstUrgentIndex(UrgencyReason u, List<Message> messages, long[] masks, int index) {
        if (u.rule() != UrgencyReason.Rule.MEETING_WITH_TIME_OR_PLACE) {
            return index;
        }
        int earliestMeeting = Integer.MAX_VALUE;
        int earliestContext = Integer.MAX_VALUE;
        for (int i = 0; i < messages.size(); i++) {
            int idx = messages.get(i).index();
            if (u.messageIndexes().contains(idx)) {
                if ((masks[i] & UrgencyRules.bit(Signal.MEETING)) != 0) {
                    earliestMeeting = Math.min(earliestMeeting, idx);
                }
                if ((masks[i] & (UrgencyRules.bit(Signal.TIME) | UrgencyRules.bit(Signal.PLACE))) != 0) {
                    earliestContext = Math.min(earliestContext, idx);
                }
            }
        }
        int first = Math.max(earliestMeeting, earliestContext);
        return first == Integer.MAX_VALUE ? index : first;
    }

    private static List<SignalEvidence> evidence(List<Message> messages, long[] masks) {
        List<SignalEvidence> out = new ArrayList<>();
        for (Signal s : Signal.values()) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < masks.length; i++) {
                if ((masks[i] & UrgencyRules.bit(s)) != 0) {
                    indexes.add(messages.get(i).index());
                }
            }
            if (!indexes.isEmpty()) {
                out.add(new SignalEvidence(s, indexes));
            }
        }
        return out;
    }

    /** The messages that carry text, in order. */
    static List<Message> withText(List<Message> messages) {
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            if (m.text() != null && !m.text().isBlank()) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> texts(List<Message> messages) {
        List<String> texts = new ArrayList<>(messages.size());
        for (Message m : messages) {
            texts.add(m.text());
        }
        return texts;
    }
}
