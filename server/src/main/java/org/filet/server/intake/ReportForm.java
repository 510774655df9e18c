package org.filet.server.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The public form's fields as posted; turned into the same {@link ReportSubmission} the API takes. */
public class ReportForm {

    private String reporterRole;
    private String contact;
    private String notify;
    private Integer childAge;
    private String childCountry = "FR";
    private String childName;
    private String platform;
    private List<AccountRow> accounts = new ArrayList<>(List.of(new AccountRow(), new AccountRow(), new AccountRow()));
    private String phones;
    private String emails;
    private String description;
    private String messages;
    private String immediateDanger;
    private String factsDate;
    private String factsMonth;
    private Integer suspectClaimedAge;
    private List<ChildAccountRow> childAccounts =
            new ArrayList<>(List.of(new ChildAccountRow(), new ChildAccountRow()));

    /** One of the child's own accounts, as a row of the form. */
    public static class ChildAccountRow {
        private String platform;
        private String handle;

        public String getPlatform() {
            return platform;
        }

        public void setPlatform(String platform) {
            this.platform = platform;
        }

        public String getHandle() {
            return handle;
        }

        public void setHandle(String handle) {
            this.handle = handle;
        }
    }

    /** One suspect account row of the form. */
    public static class AccountRow {
        private String platform;
        private String handle;
        private String url;
        private String displayName;

        public String getPlatform() {
            return platform;
        }

        public void setPlatform(String platform) {
            this.platform = platform;
        }

        public String getHandle() {
            return handle;
        }

        public void setHandle(String handle) {
            this.handle = handle;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        boolean isEmpty() {
            return blank(handle) && blank(url) && blank(displayName);
        }
    }

    ReportSubmission toSubmission(String language) {
        List<ReportSubmission.SuspectAccount> suspects = accounts.stream()
                .filter(a -> !a.isEmpty())
                .map(a -> new ReportSubmission.SuspectAccount(
                        orElse(a.platform, platform), trim(a.handle), trim(a.url), trim(a.displayName)))
                .toList();
        List<ReportSubmission.ChildAccount> own = childAccounts == null
                ? List.of()
                : childAccounts.stream()
                        .filter(a -> a != null && !blank(a.handle))
                        .map(a -> new ReportSubmission.ChildAccount(trim(a.platform), a.handle.trim()))
                        .toList();
        List<ReportSubmission.SubmittedMessage> pasted = blank(messages)
                ? List.of()
                : List.of(new ReportSubmission.SubmittedMessage(null, null, null, messages));
        return new ReportSubmission(
                new ReportSubmission.Reporter(reporterRole, language, trim(contact), "yes".equals(notify)),
                new ReportSubmission.Child(
                        childAge, blank(childCountry) ? null : childCountry.trim(), trim(childName), own),
                trim(platform),
                suspects,
                lines(phones),
                lines(emails),
                pasted,
                trim(description),
                "yes".equals(immediateDanger),
                blank(factsDate) ? trim(factsMonth) : factsDate.trim(),
                suspectClaimedAge);
    }

    private static List<String> lines(String text) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n,;]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    private static String orElse(String s, String other) {
        return blank(s) ? trim(other) : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getReporterRole() {
        return reporterRole;
    }

    public void setReporterRole(String reporterRole) {
        this.reporterRole = reporterRole;
    }

    public String getNotify() {
        return notify;
    }

    public void setNotify(String notify) {
        this.notify = notify;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public Integer getChildAge() {
        return childAge;
    }

    public void setChildAge(Integer childAge) {
        this.childAge = childAge;
    }

    public String getChildCountry() {
        return childCountry;
    }

    public void setChildCountry(String childCountry) {
        this.childCountry = childCountry;
    }

    public String getChildName() {
        return childName;
    }

    public void setChildName(String childName) {
        this.childName = childName;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public List<AccountRow> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<AccountRow> accounts) {
        this.accounts = accounts;
    }

    public String getPhones() {
        return phones;
    }

    public void setPhones(String phones) {
        this.phones = phones;
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getMessages() {
        return messages;
    }

    public void setMessages(String messages) {
        this.messages = messages;
    }

    public String getFactsDate() {
        return factsDate;
    }

    public void setFactsDate(String factsDate) {
        this.factsDate = factsDate;
    }

    public String getFactsMonth() {
        return factsMonth;
    }

    public void setFactsMonth(String factsMonth) {
        this.factsMonth = factsMonth;
    }

    public Integer getSuspectClaimedAge() {
        return suspectClaimedAge;
    }

    public void setSuspectClaimedAge(Integer suspectClaimedAge) {
        this.suspectClaimedAge = suspectClaimedAge;
    }

    public List<ChildAccountRow> getChildAccounts() {
        return childAccounts;
    }

    public void setChildAccounts(List<ChildAccountRow> childAccounts) {
        this.childAccounts = childAccounts;
    }

    public String getImmediateDanger() {
        return immediateDanger;
    }

    public void setImmediateDanger(String immediateDanger) {
        this.immediateDanger = immediateDanger;
    }
}
