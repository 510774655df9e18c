package org.filet.server.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A report as a reporter or a partner sends it (the JSON of {@code POST /api/v1/reports}, or the web form). Texts are
 * kept exactly as given; limits keep one report from exhausting the server.
 */
public record ReportSubmission(
        @NotNull @Valid Reporter reporter,
        @Valid Child child,
        @Size(max = 100) String platform,
        @Size(max = 50) List<@NotNull @Valid SuspectAccount> suspectAccounts,

        @Size(max = 50)
        List<
                        @NotNull @Size(min = 3, max = 40)
                        @Pattern(regexp = "[+0-9 ().\\-/]+", message = "{filet.validation.phone}") String>
                phones,

        @Size(max = 50) List<@NotNull @Email @Size(max = 320) String> emails,
        @Size(max = 20000) List<@NotNull @Valid SubmittedMessage> messages,
        @Size(max = 100000) String description,
        Boolean immediateDanger,

        @Pattern(regexp = "[0-9]{4}-[0-9]{2}(-[0-9]{2})?", message = "{filet.validation.factsDate}")
        String factsDate,

        @Min(value = 0, message = "{filet.validation.claimedAge}")
        @Max(value = 99, message = "{filet.validation.claimedAge}")
        Integer suspectClaimedAge) {

    public ReportSubmission {
        suspectAccounts = suspectAccounts == null ? List.of() : List.copyOf(suspectAccounts);
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** Something to act on: a description, a message or a suspect account. */
    @AssertTrue(message = "{filet.validation.empty}")
    public boolean isDescribed() {
        return (description != null && !description.isBlank()) || !messages.isEmpty() || !suspectAccounts.isEmpty();
    }

    /**
     * The date of the facts, when given, is a real day ({@code 2026-11-03}) or month ({@code 2026-11}: "about then")
     * that is not in the future (a day of slack for time zones).
     */
    @AssertTrue(message = "{filet.validation.factsDate.future}")
    public boolean isFactsDateNotInFuture() {
        return factsDate == null
                || factsDate.isBlank()
                || FactsDate.parse(factsDate).map(FactsDate::possible).orElse(true);
    }

    /** The date of the facts as a day or a month, when given and well formed. */
    public java.util.Optional<FactsDate> facts() {
        return factsDate == null ? java.util.Optional.empty() : FactsDate.parse(factsDate);
    }

    /** A day, or a month when the reporter knows only roughly when it happened. */
    public record FactsDate(java.time.LocalDate first, boolean aboutMonth) {

        static java.util.Optional<FactsDate> parse(String text) {
            try {
                String t = text.strip();
                if (t.length() == 7) {
                    return java.util.Optional.of(
                            new FactsDate(java.time.YearMonth.parse(t).atDay(1), true));
                }
                return java.util.Optional.of(new FactsDate(java.time.LocalDate.parse(t), false));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }

        /** Not in the future (with a day of slack for time zones), and not before 1990. */
        boolean possible() {
            java.time.LocalDate tomorrow =
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
            return !first.isAfter(tomorrow) && first.getYear() >= 1990;
        }
    }

    /** A well-formed date that is no real day ({@code 2026-02-30}) is refused like a malformed one. */
    @AssertTrue(message = "{filet.validation.factsDate}")
    public boolean isFactsDateReal() {
        return factsDate == null
                || factsDate.isBlank()
                || !factsDate.strip().matches("[0-9]{4}-[0-9]{2}(-[0-9]{2})?")
                || FactsDate.parse(factsDate).isPresent();
    }

    public boolean danger() {
        return Boolean.TRUE.equals(immediateDanger);
    }

    /** Who reports: the parent, the young person, or someone else. */
    public record Reporter(
            @NotNull @Pattern(regexp = "parent|young_person|other", message = "{filet.validation.role}")
            String role,

            @Pattern(regexp = "fr|en|de|nl|it|es", message = "{filet.validation.language}")
            String language,

            @Size(max = 320) String contact,
            Boolean notifyByEmail) {

        /** Email updates only when asked for and an address is there. */
        public boolean wantsEmail() {
            return Boolean.TRUE.equals(notifyByEmail) && contact != null && contact.contains("@");
        }
    }

    /** The child concerned. */
    public record Child(
            @Min(0) @Max(25) Integer age,

            @Pattern(regexp = "[A-Z]{2}", message = "{filet.validation.country}")
            String country,

            @Size(max = 200) String nameInConversation,
            @Size(max = 10) List<@NotNull @Valid ChildAccount> accounts) {

        public Child {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    /**
     * An account of the child's own (where the contact took place). Context for the analyst and the police, never a
     * suspect identifier: linking leaves it out.
     */
    public record ChildAccount(
            @Size(max = 100) String platform,
            @NotNull @Size(min = 1, max = 200) String handle) {}

    /** An account the suspect used. A display name alone identifies nobody; it is kept as context. */
    public record SuspectAccount(
            @Size(max = 100) String platform,
            @Size(max = 200) String handle,

            @Size(max = 2000) @Pattern(regexp = "(?i)(https?://\\S+)?", message = "{filet.validation.url}")
            String url,

            @Size(max = 200) String displayName) {}

    /** A message as the reporter copied it: when, from whom (suspect, child, other), the sender's name, the text. */
    public record SubmittedMessage(
            @Size(max = 100) String at,

            @Pattern(regexp = "suspect|child|other", message = "{filet.validation.from}")
            String from,

            @Size(max = 200) String sender,
            @NotNull @Size(max = 100000) String text) {}
}
