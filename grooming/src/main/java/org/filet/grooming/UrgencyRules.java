package org.filet.grooming;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.filet.conversation.Message;

/**
 * The urgency rules, independent of the model: a meeting proposed with a time or place, the child's address or
 * location asked, sextortion, other threats, self-harm, a child under the configured age. Each fired rule is reported
 * with its reason and message indexes.
 */
public final class UrgencyRules {

    private final UrgencySettings settings;

    public UrgencyRules(UrgencySettings settings) {
        this.settings = settings;
    }

    /** The rules that fire. Requires {@code masks[i]} to be the signal mask of {@code messages.get(i)}. */
    public List<UrgencyReason> evaluate(List<Message> messages, Roles roles, long[] masks) {
        List<UrgencyReason> out = new ArrayList<>();
        if (settings.meetingWithTimeOrPlace()) {
            TreeSet<Integer> indexes = new TreeSet<>();
            long context = bit(Signal.TIME) | bit(Signal.PLACE);
            for (int i = 0; i < masks.length; i++) {
                if ((masks[i] & bit(Signal.MEETING)) == 0) {
                    continue;
                }
                int from = Math.max(0, i - settings.meetingWindow());
                int to = Math.min(masks.length - 1, i + settings.meetingWindow());
                for (int k = from; k <= to; k++) {
                    if ((masks[k] & context) != 0) {
                        indexes.add(messages.get(i).index());
                        indexes.add(messages.get(k).index());
                    }
                }
            }
            add(
                    out,
                    UrgencyReason.Rule.MEETING_WITH_TIME_OR_PLACE,
                    "a meeting is proposed with a time or place",
                    indexes);
        }
        if (settings.addressAsked() || settings.whereNowAsked()) {
            long asked = (settings.addressAsked() ? bit(Signal.ADDRESS_ASKED) : 0)
                    | (settings.whereNowAsked() ? bit(Signal.LOCATION_ASKED) : 0);
            TreeSet<Integer> indexes = new TreeSet<>();
            for (int i = 0; i < masks.length; i++) {
                if ((masks[i] & asked) != 0 && !roles.byChild(messages.get(i))) {
                    indexes.add(messages.get(i).index());
                }
            }
            add(out, UrgencyReason.Rule.LOCATION_ASKED, "the child's address or location is asked", indexes);
        }
        if (settings.threatOrSextortion()) {
            TreeSet<Integer> sextortion = sextortion(messages, masks);
            add(
                    out,
                    UrgencyReason.Rule.SEXTORTION,
                    "sextortion: a threat to share images or messages, or a demand for "
                            + "money, gift cards or more images under a threat or a deadline",
                    sextortion);
            TreeSet<Integer> threats = carrying(messages, masks, bit(Signal.THREAT));
            threats.removeAll(sextortion);
            add(out, UrgencyReason.Rule.THREAT_OR_SEXTORTION, "threats", threats);
        }
        if (settings.selfHarm()) {
            add(
                    out,
                    UrgencyReason.Rule.SELF_HARM,
                    "self-harm or suicide is mentioned",
                    carrying(messages, masks, bit(Signal.SELF_HARM)));
        }
        if (roles.childAge().isPresent() && roles.childAge().getAsInt() < settings.childAgeBelow()) {
            out.add(new UrgencyReason(
                    UrgencyReason.Rule.CHILD_UNDER_AGE, "the child is under " + settings.childAgeBelow(), List.of()));
        }
        return out;
    }

    /**
     * The messages behind a sextortion: those threatening to share images or messages, and, when a demand (money,
     * gift cards, more images) comes with a threat, a deadline or such a threat anywhere in the conversation, the
     * demands, threats and deadlines. Empty when there is no sextortion.
     */
    static TreeSet<Integer> sextortion(List<Message> messages, long[] masks) {
        long all = 0;
        for (long m : masks) {
            all |= m;
        }
        boolean shareThreat = (all & bit(Signal.SEXTORTION)) != 0;
        boolean backedDemand = (all & bit(Signal.EXTORTION_DEMAND)) != 0
                && (all & (bit(Signal.THREAT) | bit(Signal.DEADLINE) | bit(Signal.SEXTORTION))) != 0;
        if (!shareThreat && !backedDemand) {
            return new TreeSet<>();
        }
        long bits = bit(Signal.SEXTORTION)
                | bit(Signal.EXTORTION_DEMAND)
                | bit(Signal.DEADLINE)
                | (backedDemand ? bit(Signal.THREAT) : 0);
        return carrying(messages, masks, bits);
    }

    private static TreeSet<Integer> carrying(List<Message> messages, long[] masks, long bits) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (int i = 0; i < masks.length; i++) {
            if ((masks[i] & bits) != 0) {
                indexes.add(messages.get(i).index());
            }
        }
        return indexes;
    }

    private static void add(List<UrgencyReason> out, UrgencyReason.Rule rule, String reason, TreeSet<Integer> idx) {
        if (!idx.isEmpty()) {
            out.add(new UrgencyReason(rule, reason, new ArrayList<>(idx)));
        }
    }

    static long bit(Signal s) {
        return 1L << s.ordinal();
    }
}
