package org.filet.grooming;

/**
 * The grooming indicators the lexicon detects, each placed in O'Connell's stages (friendship forming, relationship
 * forming, risk assessment, exclusivity, sexual, conclusion), where one fits in the 7P scheme (praise,
 * precocious talk, photos, privacy, pressure, presents, pulling away), and in ChatCoder's categories. {@link #TIME} and {@link #PLACE} are context
 * signals: they only matter next to a proposed meeting.
 */
public enum Signal {
    AGE_ASKED(Stage.FRIENDSHIP, "", "personal information", "asks the other person's age"),
    ORIGIN_ASKED(Stage.FRIENDSHIP, "", "personal information", "asks where the other person is from"),
    LOCATION_ASKED(
            Stage.RISK_ASSESSMENT, "privacy", "personal information", "asks where the other person is right now"),
    ADDRESS_ASKED(
            Stage.RISK_ASSESSMENT,
            "privacy",
            "personal information",
            "asks where the other person lives, their address or their location"),
    SCHOOL_ASKED(Stage.FRIENDSHIP, "", "personal information", "asks about school or class"),
    ALONE_ASKED(
            Stage.RISK_ASSESSMENT,
            "privacy",
            "personal information",
            "asks whether the other person is alone or who is at home"),
    RISK_CHECK(
            Stage.RISK_ASSESSMENT,
            "privacy",
            "personal information",
            "checks whether parents watch, or whether the other is police"),
    COMPLIMENT(Stage.RELATIONSHIP, "praise", "grooming: reframing", "compliments looks or maturity"),
    TRUST(Stage.RELATIONSHIP, "", "grooming: reframing", "builds trust (you can tell me anything, I understand you)"),
    RELATIONSHIP(
            Stage.RELATIONSHIP,
            "precocious talk",
            "grooming: reframing",
            "talks of love, boyfriends, girlfriends, missing each other"),
    SECRECY(Stage.EXCLUSIVITY, "privacy", "grooming: reframing", "asks for secrecy or for messages to be deleted"),
    ISOLATION(Stage.EXCLUSIVITY, "pulling away", "grooming: reframing", "sets the other against parents or friends"),
    CHANNEL_MOVE(
            Stage.EXCLUSIVITY,
            "privacy",
            "approach",
            "moves the chat to another app, a phone number or a private channel"),
    GIFT(Stage.RELATIONSHIP, "presents", "grooming: reframing", "offers gifts, money or game currency"),
    PHOTO_REQUEST(Stage.SEXUAL, "photos", "grooming: communicative desensitisation", "asks for photos"),
    WEBCAM_REQUEST(
            Stage.SEXUAL,
            "photos",
            "grooming: communicative desensitisation",
            "asks for video, a webcam or a video call"),
    SEXUAL_TALK(
            Stage.SEXUAL,
            "precocious talk",
            "grooming: communicative desensitisation",
            "sexual words (clinical lexicon)"),
    MEETING(Stage.CONCLUSION, "", "approach", "proposes to meet"),
    TIME(Stage.CONCLUSION, "", "approach", "names a time or day"),
    PLACE(Stage.CONCLUSION, "", "approach", "names a meeting place"),
    PRESSURE(
            Stage.EXCLUSIVITY,
            "pressure",
            "grooming: reframing",
            "pressures (if you loved me, you promised, don't be shy)"),
    THREAT(Stage.CONCLUSION, "pressure", "approach", "threatens"),
    SEXTORTION(Stage.CONCLUSION, "pressure", "approach", "threatens to share images or demands payment for them"),
    ADULT_AGE_STATED(Stage.FRIENDSHIP, "", "personal information", "states an adult age"),
    MINOR_AGE_STATED(Stage.FRIENDSHIP, "", "personal information", "states a child's age"),
    AGE_DOWNPLAYED(Stage.RISK_ASSESSMENT, "", "grooming: reframing", "downplays or hides an age difference"),
    SELF_HARM(Stage.CONCLUSION, "", "", "speaks of self-harm or suicide"),
    ACQUAINTANCE_CLAIMED(
            Stage.FRIENDSHIP,
            "",
            "grooming: reframing",
            "claims to know someone the other person knows (a cousin, a friend, a teacher)"),
    EXTORTION_DEMAND(
            Stage.CONCLUSION, "pressure", "approach", "demands money, gift cards or game cards, or more images"),
    DEADLINE(Stage.CONCLUSION, "pressure", "approach", "sets a deadline or a countdown");

    /** O'Connell's stages of online grooming. */
    public enum Stage {
        FRIENDSHIP,
        RELATIONSHIP,
        RISK_ASSESSMENT,
        EXCLUSIVITY,
        SEXUAL,
        CONCLUSION
    }

    private final Stage stage;
    private final String sevenP;
    private final String chatCoder;
    private final String description;

    Signal(Stage stage, String sevenP, String chatCoder, String description) {
        this.stage = stage;
        this.sevenP = sevenP;
        this.chatCoder = chatCoder;
        this.description = description;
    }

    public Stage stage() {
        return stage;
    }

    /** The 7P category, or an empty string when none fits. */
    public String sevenP() {
        return sevenP;
    }

    /**
     * The ChatCoder category (Kontostathis et al.: personal information, grooming by communicative desensitisation
     * or reframing, approach), or an empty string when none fits.
     */
    public String chatCoder() {
        return chatCoder;
    }

    public String description() {
        return description;
    }
}
