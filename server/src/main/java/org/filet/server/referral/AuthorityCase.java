package org.filet.server.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.filet.server.cases.Cases;
import org.filet.server.conversations.ConversationLimits;
import org.filet.server.conversations.Timelines;
import org.filet.server.intake.Reports;
import org.filet.server.linking.Links;
import org.filet.server.support.Paged;
import org.filet.server.triage.Queue;
import org.springframework.stereotype.Component;

/**
 * What an authority user reads of a referred case, and only that: the reports and files of the snapshots a second
 * person approved and that were referred ({@link Cases#referredContent}), the notes the organisation chose to send,
 * and what the analyses derived from them. When a report holds files added since its approval, what was derived from
 * the whole report (identifiers read from files, the triage score) is left out until a new approval sends them.
 */
@Component
class AuthorityCase {

    /** How the chat formats read from exports are written (the platform's own spelling). */
    static final Map<String, String> FORMATS = Map.of(
            "whatsapp",
            "WhatsApp",
            "messenger",
            "Messenger",
            "instagram",
            "Instagram",
            "telegram",
            "Telegram",
            "discord",
            "Discord",
            "snapchat",
            "Snapchat",
            "sms",
            "SMS",
            "signal",
            "Signal");

    private final Cases cases;
    private final Reports reports;
    private final Links links;
    private final Queue queue;
    private final Timelines timelines;
    private final ConversationLimits limits;

    AuthorityCase(
            Cases cases, Reports reports, Links links, Queue queue, Timelines timelines, ConversationLimits limits) {
        this.limits = limits;
        this.cases = cases;
        this.reports = reports;
        this.links = links;
        this.queue = queue;
        this.timelines = timelines;
    }

    /** Why two referred reports are linked: the identifier they share. */
    record Link(String receipt, String other, String kind, String platform, String value) {}

    /**
     * A referred report as the authority sees it. {@code complete}: every file it holds was referred; {@code platforms}:
     * those the reporter named and those of the exports read.
     */
    record ReportView(
            Reports.ReportDetail report,
            boolean complete,
            Queue.Triage triage,
            List<Links.Found> identifiers,
            Timelines.Page timeline,
            List<String> platforms,
            Paged<Reports.Message> typed) {}

    /** A note the organisation chose to send, on the case. */
    record Note(String caseNumber, Instant at, String body) {}

    /** The case page: each report, and the summary across them. */
    record View(
            List<ReportView> reports,
            boolean danger,
            boolean urgent,
            List<Integer> ages,
            List<String> countries,
            List<String> platforms,
            List<Links.Found> identifiers,
            List<Link> links,
            List<Note> notes,
            boolean partlyReferred) {}

    /** The platforms the reporter named (the report's, its accounts') and those of the exports read, once each. */
    private static List<String> platforms(Reports.ReportDetail r, Timelines.Page timeline) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.platform() != null && !r.platform().isBlank()) {
            out.putIfAbsent(
                    r.platform().strip().toLowerCase(Locale.ROOT), r.platform().strip());
        }
        r.accounts().stream()
                .map(Reports.Account::platform)
                .filter(p -> p != null && !p.isBlank())
                .forEach(p -> out.putIfAbsent(p.strip().toLowerCase(Locale.ROOT), p.strip()));
        timeline.formats().forEach(f -> out.putIfAbsent(f, FORMATS.getOrDefault(f, f)));
        return List.copyOf(out.values());
    }

    /**
     * The view of a referral's case, with page {@code page} of the timeline and page {@code typedPage} of the messages
     * copied by the reporter of report {@code pagedReceipt} (page 1 of the others).
     */
    View of(Referrals.Referral referral, String pagedReceipt, int page, int typedPage) {
        Map<String, Set<String>> referred = cases.referredContent(referral.caseId());
        List<ReportView> views = new ArrayList<>();
        Map<String, UUID> ids = new LinkedHashMap<>();
        UUID organisation = null;
        for (Map.Entry<String, Set<String>> e : referred.entrySet()) {
            UUID id = reports.idOf(e.getKey()).orElseThrow();
            ids.put(e.getKey(), id);
            organisation = organisation != null
                    ? organisation
                    : reports.organisationOf(id).orElse(null);
            Reports.ReportDetail all = reports.detailById(id).orElseThrow();
            Reports.ReportDetail shown = all.withOnlyFiles(e.getValue());
            boolean complete = shown.files().size() == all.files().size();
            List<Links.Found> found = links.identifiers(id).stream()
                    .filter(f -> !f.common())
                    .filter(f ->
                            complete || f.source().equals("form") || f.source().equals("message"))
                    .toList();
            Timelines.Page timeline =
                    timelines.page(id, e.getValue(), e.getKey().equals(pagedReceipt) ? page : 1);
            views.add(new ReportView(
                    shown,
                    complete,
                    complete ? queue.triage(id).orElse(null) : null,
                    found,
                    timeline,
                    platforms(shown, timeline),
                    Paged.of(
                            shown.messages(),
                            e.getKey().equals(pagedReceipt) ? typedPage : 1,
                            limits.messagesPerPage())));
        }
        views.sort((a, b) -> a.report().receivedAt().compareTo(b.report().receivedAt()));
        Set<Integer> ages = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        Map<String, Links.Found> identifiers = new LinkedHashMap<>();
        boolean danger = false;
        boolean urgent = false;
        for (ReportView v : views) {
            Reports.ReportDetail r = v.report();
            danger |= r.immediateDanger();
            urgent |= v.triage() != null && v.triage().urgent();
            if (r.childAge() != null) {
                ages.add(r.childAge());
            }
            if (r.childCountry() != null && !r.childCountry().isBlank()) {
                countries.add(r.childCountry());
            }
            v.platforms().forEach(p -> platforms.putIfAbsent(p.toLowerCase(Locale.ROOT), p));
            v.identifiers().forEach(f -> identifiers.putIfAbsent(f.key(), f));
        }
        List<Link> shared = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (organisation != null) {
            for (Map.Entry<String, UUID> e : ids.entrySet()) {
                for (Links.Link l : links.of(e.getValue(), organisation)) {
                    boolean shownKey = identifiers.containsKey(l.key());
                    String pair = e.getKey().compareTo(l.receipt()) < 0
                            ? e.getKey() + " " + l.receipt() + " " + l.key()
                            : l.receipt() + " " + e.getKey() + " " + l.key();
                    if (shownKey && referred.containsKey(l.receipt()) && seen.add(pair)) {
                        shared.add(new Link(e.getKey(), l.receipt(), l.kind(), l.platform(), l.value()));
                    }
                }
            }
        }
        List<Note> notes = new ArrayList<>();
        if (organisation != null) {
            Set<String> noted = new LinkedHashSet<>();
            for (UUID id : ids.values()) {
                for (Cases.AuthorityNote n : cases.notesForAuthority(id, organisation)) {
                    if (n.caseNumber().equals(referral.caseNumber()) && noted.add(n.at() + n.body())) {
                        notes.add(new Note(n.caseNumber(), n.at(), n.body()));
                    }
                }
            }
        }
        notes.sort((a, b) -> a.at().compareTo(b.at()));
        List<Integer> sortedAges = ages.stream().sorted().toList();
        return new View(
                views,
                danger,
                urgent,
                sortedAges,
                List.copyOf(countries),
                List.copyOf(platforms.values()),
                List.copyOf(identifiers.values()),
                shared,
                notes,
                views.stream().anyMatch(v -> !v.complete()));
    }
}
