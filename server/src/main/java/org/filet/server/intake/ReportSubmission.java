package org.filet.server.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A report as a reporter or a partner sends it (the JSON of {@code POST /api/v1/reports}, or the web form). Texts are
 * kept exactly as given; limits keep one report from exhausting the server.
 */
public record ReportSubmission(
        @NotNull @Valid Reporter reporter,
        @Valid Child child,
        @Size(max = 100) String platform,
        @Size(max = 50) List<@NotNull @Valid SuspectAccount> suspectAccounts,
        @Size(max = 50) List<@NotNull @Size(min = 3, max = 40) @Pattern(regexp = "[+0-9 ().\\-/]+",
                message = "{filet.validation.phone}") String> phones,
        @Size(max = 50) List<@NotNull @Email @Size(max = 320) String> emails,
        @Size(max = 20000) List<@NotNull @Valid SubmittedMessage> messages,
        @Size(max = 100000) String description,
        Boolean immediateDanger) {

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

    public boolean danger() {
        return Boolean.TRUE.equals(immediateDanger);
    }

    /** Who reports: the parent, the young person, or someone else. */
    public record Reporter(
            @NotNull @Pattern(regexp = "parent|young_person|other", message = "{filet.validation.role}") String role,
            @Pattern(regexp = "fr|en|de|nl|it|es", message = "{filet.validation.language}") String language,
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
            @Pattern(regexp = "[A-Z]{2}", message = "{filet.validation.country}") String country,
            @Size(max = 200) String nameInConversation) {
    }

    /** An account the suspect used. A display name alone identifies nobody; it is kept as context. */
    public record SuspectAccount(
            @Size(max = 100) String platform,
            @Size(max = 200) String handle,
            @Size(max = 2000) @Pattern(regexp = "(?i)(https?://\\S+)?", message = "{filet.validation.url}") String url,
            @Size(max = 200) String displayName) {
    }

    /** A message as the reporter copied it: when, from whom (suspect, child, other), the sender's name, the text. */
    public record SubmittedMessage(
            @Size(max = 100) String at,
            @Pattern(regexp = "suspect|child|other", message = "{filet.validation.from}") String from,
            @Size(max = 200) String sender,
            @NotNull @Size(max = 100000) String text) {
    }
}
