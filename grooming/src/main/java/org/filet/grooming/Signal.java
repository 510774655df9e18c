package org.filet.grooming;

/**
 * The grooming indicators the lexicon detects, each placed in O'Connell's stages (friendship forming, relationship
 * forming, risk assessment, exclusivity, sexual, conclusion) and, where one fits, in the 7P scheme (praise,
 * precocious talk, photos, privacy, pressure, presents, pulling away). {@link #TIME} and {@link #PLACE} are context
 * signals: they only matter next to a proposed meeting.
 */
public enum Signal {
  AGE_ASKED(Stage.FRIENDSHIP, "", "asks the other person's age"),
  ORIGIN_ASKED(Stage.FRIENDSHIP, "", "asks where the other person is from"),
  LOCATION_ASKED(Stage.RISK_ASSESSMENT, "privacy", "asks where the other person is right now"),
  ADDRESS_ASKED(Stage.RISK_ASSESSMENT, "privacy", "asks where the other person lives, their address or their location"),
  SCHOOL_ASKED(Stage.FRIENDSHIP, "", "asks about school or class"),
  ALONE_ASKED(Stage.RISK_ASSESSMENT, "privacy", "asks whether the other person is alone or who is at home"),
  RISK_CHECK(Stage.RISK_ASSESSMENT, "privacy", "checks whether parents watch, or whether the other is police"),
  COMPLIMENT(Stage.RELATIONSHIP, "praise", "compliments looks or maturity"),
  TRUST(Stage.RELATIONSHIP, "", "builds trust (you can tell me anything, I understand you)"),
  RELATIONSHIP(Stage.RELATIONSHIP, "precocious talk", "talks of love, boyfriends, girlfriends, missing each other"),
  SECRECY(Stage.EXCLUSIVITY, "privacy", "asks for secrecy or for messages to be deleted"),
  ISOLATION(Stage.EXCLUSIVITY, "pulling away", "sets the other against parents or friends"),
  CHANNEL_MOVE(Stage.EXCLUSIVITY, "privacy", "moves the chat to another app, a phone number or a private channel"),
  GIFT(Stage.RELATIONSHIP, "presents", "offers gifts, money or game currency"),
  PHOTO_REQUEST(Stage.SEXUAL, "photos", "asks for photos"),
  WEBCAM_REQUEST(Stage.SEXUAL, "photos", "asks for video, a webcam or a video call"),
  SEXUAL_TALK(Stage.SEXUAL, "precocious talk", "sexual words (clinical lexicon)"),
  MEETING(Stage.CONCLUSION, "", "proposes to meet"),
  TIME(Stage.CONCLUSION, "", "names a time or day"),
  PLACE(Stage.CONCLUSION, "", "names a meeting place"),
  PRESSURE(Stage.EXCLUSIVITY, "pressure", "pressures (if you loved me, you promised, don't be shy)"),
  THREAT(Stage.CONCLUSION, "pressure", "threatens"),
  SEXTORTION(Stage.CONCLUSION, "pressure", "threatens to share images or demands payment for them"),
  ADULT_AGE_STATED(Stage.FRIENDSHIP, "", "states an adult age"),
  MINOR_AGE_STATED(Stage.FRIENDSHIP, "", "states a child's age"),
  AGE_DOWNPLAYED(Stage.RISK_ASSESSMENT, "", "downplays or hides an age difference"),
  SELF_HARM(Stage.CONCLUSION, "", "speaks of self-harm or suicide");

  /** O'Connell's stages of online grooming. */
  public enum Stage { FRIENDSHIP, RELATIONSHIP, RISK_ASSESSMENT, EXCLUSIVITY, SEXUAL, CONCLUSION }

  private final Stage stage;
  private final String sevenP;
  private final String description;

  Signal(Stage stage, String sevenP, String description) {
    this.stage = stage;
    this.sevenP = sevenP;
    this.description = description;
  }

  public Stage stage() {
    return stage;
  }

  /** The 7P category, or an empty string when none fits. */
  public String sevenP() {
    return sevenP;
  }

  public String description() {
    return description;
  }
}
