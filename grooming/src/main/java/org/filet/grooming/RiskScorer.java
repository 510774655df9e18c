package org.filet.grooming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores conversations: normalises each message, finds its signals, feeds the linear model message by message
 * (so the first message at which the risk crosses the operating threshold is known) and applies the urgency rules.
 * English is scored by the model's full layer (n-grams and signals); other languages by its signals-only layer,
 * since the n-gram layer never saw them.
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
  private static final long NOT_TACTICS = UrgencyRules.bit(Signal.TIME) | UrgencyRules.bit(Signal.PLACE)
      | UrgencyRules.bit(Signal.AGE_ASKED) | UrgencyRules.bit(Signal.ORIGIN_ASKED)
      | UrgencyRules.bit(Signal.LOCATION_ASKED) | UrgencyRules.bit(Signal.ADULT_AGE_STATED)
      | UrgencyRules.bit(Signal.MINOR_AGE_STATED);

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

  /** Scores a conversation, guessing its language from the text. */
  public RiskScore score(Conversation conversation) {
    return score(conversation, Optional.empty());
  }

  /** Scores a conversation read in the given language (or guessed when empty). */
  public RiskScore score(Conversation conversation, Optional<Language> language) {
    List<Message> messages = conversation.messages();
    Language lang = language.orElseGet(() -> MessageAnalyzer.language(texts(messages)));
    TriageModel.LayerKind layer = TriageModel.layerFor(lang);
    boolean hashed = layer == TriageModel.LayerKind.FULL;
    double high = model.highThreshold(layer);
    FeatureCounts counts = new FeatureCounts(model.weights());
    long[] masks = new long[messages.size()];
    int firstAlert = -1;
    double p = model.probability(model.linearScore(counts, layer), layer);
    for (int i = 0; i < messages.size(); i++) {
      String normalized = analyzer.normalize(messages.get(i).text(), lang);
      masks[i] = analyzer.signals(normalized, lang);
      counts.addSignals(masks[i]);
      if (hashed) {
        FeatureHasher.hash(normalized, counts::add);
      }
      p = model.probability(model.linearScore(counts, layer), layer);
      if (firstAlert < 0 && p >= high) {
        firstAlert = messages.get(i).index();
      }
    }
    List<UrgencyReason> urgencies = rules.evaluate(conversation, masks);
    for (UrgencyReason u : urgencies) {
      if (!u.messageIndexes().isEmpty()) {
        int at = firstUrgentIndex(u, messages, masks, u.messageIndexes().get(0));
        firstAlert = firstAlert < 0 ? at : Math.min(firstAlert, at);
      }
    }
    RiskLevel level = !urgencies.isEmpty() ? RiskLevel.URGENT
        : p >= high ? RiskLevel.HIGH
        : p >= model.mediumThreshold(layer) || distinctTactics(masks) >= TACTICS_FOR_MEDIUM ? RiskLevel.MEDIUM
        : RiskLevel.LOW;
    if (firstAlert < 0 && level == RiskLevel.URGENT && !messages.isEmpty()) {
      firstAlert = messages.get(0).index();
    }
    return new RiskScore(p, high, level, lang, evidence(messages, masks), urgencies,
        firstAlert < 0 ? OptionalInt.empty() : OptionalInt.of(firstAlert));
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

  private static int distinctTactics(long[] masks) {
    long all = 0;
    for (long m : masks) {
      all |= m;
    }
    return Long.bitCount(all & ~NOT_TACTICS);
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

  private static List<String> texts(List<Message> messages) {
    List<String> texts = new ArrayList<>(messages.size());
    for (Message m : messages) {
      texts.add(m.text());
    }
    return texts;
  }
}
