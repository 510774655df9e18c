package org.filet.identifiers;

/**
 * Why a text did not give an identifier. The description names the rule, never the offending value, so that it can
 * be logged and shown.
 */
public enum Rejection {
    EMPTY("no text"),
    TOO_LONG("text longer than any identifier"),
    UNKNOWN_REGION("default region is not an ISO 3166 region known to libphonenumber"),
    NOT_A_PHONE_NUMBER("not a phone number"),
    PHONE_INVALID_COUNTRY_CODE("phone number with an unknown country calling code"),
    PHONE_TOO_SHORT("phone number too short for its region"),
    PHONE_TOO_LONG("phone number too long for its region"),
    PHONE_INVALID_LENGTH("phone number length not used in its region"),
    PHONE_SHORT_SERVICE_NUMBER("short service number (emergency, hotline), not a subscriber"),
    EMAIL_MALFORMED("not an e-mail address (one @, a local part of at most 64 characters, no empty dot segment)"),
    EMAIL_BAD_DOMAIN("e-mail domain is not a valid (internationalised) host name"),
    HANDLE_INVALID("characters or length not allowed by the platform's username rules"),
    PLATFORM_NEEDS_PHONE("accounts on this platform are phone numbers"),
    URL_MALFORMED("not a web address"),
    URL_NOT_A_PROFILE("address on a known platform that names no account"),
    URL_RESERVED_PATH("platform page (home, search, explore, settings...), not an account"),
    URL_POST_OR_MEDIA("link to a post, photo or video, not to an account"),
    URL_INVITE_LINK("invitation to a group, server or chat, not an account"),
    URL_COMMUNITY("link to a group or community, not an account"),
    URL_SHORT_LINK("short or share link that must be resolved by the platform first");

    private final String description;

    Rejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
