package org.filet.server.referral;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.filet.server.people.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The directory of competent authorities, seeded from {@code authorities.tsv} on first start. */
@Component
public class Authorities {

    private final JdbcClient jdbc;

    Authorities(JdbcClient jdbc) {
        this.jdbc = jdbc;
        if (jdbc.sql("select count(*) from authority").query(Long.class).single() == 0) {
            seed();
        }
    }

    /** An authority of the directory. */
    public record Authority(
            String code,
            String name,
            List<String> countries,
            List<String> languages,
            String receives,
            String urgent,
            int priority,
            String source) {}

    /** The proposed authority for a case, and why. */
    /** {@code why} is the plain reason kept with the referral; pages say it with {@code reports} and the country. */
    public record Proposal(Authority authority, String country, long reports, String why) {}

    public List<Authority> all() {
        return jdbc.sql(
                        "select code, name, countries, languages, receives, urgent, priority, source from authority order by code")
                .query((rs, n) -> new Authority(
                        rs.getString(1),
                        rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8)))
                .list();
    }

    public Optional<Authority> find(String code) {
        return all().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The authority's name, for pages ({@code ${@authorities.nameOf(code)}}); the code if the directory has none. */
    public String nameOf(String code) {
        return find(code).map(Authority::name).orElse(code);
    }

    /**
     * The authority competent for the children's country most represented in the case (ties: the first reported);
     * among authorities covering it, the one with the lowest priority number.
     */
    public Optional<Proposal> propose(List<String> childCountries) {
        Map<String, Long> counts = childCountries.stream()
                .filter(c -> c != null && !c.isBlank())
                .collect(Collectors.groupingBy(
                        Function.identity(), java.util.LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .flatMap(e -> all().stream()
                        .filter(a -> a.countries().contains(e.getKey()))
                        .sorted(java.util.Comparator.comparingInt(Authority::priority))
                        .limit(1)
                        .map(a -> new Proposal(
                                a,
                                e.getKey(),
                                e.getValue(),
                                "child's country " + e.getKey() + " (" + e.getValue() + " report(s)): " + a.name()
                                        + " is the first competent authority listed for it")))
                .findFirst();
    }

    /** An instance administrator's change to an authority; recorded with who, when, before and after. */
    @org.springframework.transaction.annotation.Transactional
    public void update(java.util.UUID by, Authority changed) {
        apply(by, changed, null);
    }

    private void apply(java.util.UUID by, Authority changed, Long proposal) {
        Authority before = find(changed.code()).orElseThrow(() -> new IllegalArgumentException("no such authority"));
        validate(changed);
        jdbc.sql(
                        "update authority set name = ?, countries = ?, languages = ?, receives = ?, urgent = ?, priority = ? where code = ?")
                .params(
                        changed.name(),
                        changed.countries().toArray(String[]::new),
                        changed.languages().toArray(String[]::new),
                        changed.receives(),
                        changed.urgent(),
                        changed.priority(),
                        changed.code())
                .update();
        jdbc.sql("insert into authority_change (code, changed_by, before, after, proposal) values (?, ?, ?, ?, ?)")
                .params(
                        changed.code(),
                        by,
                        before.toString(),
                        find(changed.code()).orElseThrow().toString(),
                        proposal)
                .update();
    }

    /** A change made to the directory: who (a custody actor), when, before and after. */
    public record Change(String actor, java.time.Instant at, String before, String after) {}

    /** The changes made to an authority, newest first. */
    public List<Change> changes(String code) {
        return jdbc.sql(
                        "select changed_by, changed_at, before, after from authority_change where code = ? order by changed_at desc, id desc")
                .param(code)
                .query((rs, n) -> new Change(
                        "user:" + rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A change an organisation's administrator proposes; an instance administrator applies or dismisses it. */
    public record ChangeProposal(
            long id,
            String code,
            UUID organisation,
            String proposedBy,
            java.time.Instant at,
            Authority proposed,
            String reason,
            String state) {}

    /** Records an organisation administrator's proposal; nothing in the directory changes until it is applied. */
    @org.springframework.transaction.annotation.Transactional
    public long propose(StaffUser by, Authority proposed, String reason) {
        find(proposed.code()).orElseThrow(() -> new IllegalArgumentException("no such authority"));
        validate(proposed);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new IllegalArgumentException("a proposal needs a reason (at most 2,000 characters)");
        }
        return jdbc.sql("""
                        insert into authority_proposal (code, organisation, proposed_by, name, countries, languages, receives, urgent,
                                                        priority, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        proposed.code(),
                        by.organisation(),
                        by.id(),
                        proposed.name(),
                        proposed.countries().toArray(String[]::new),
                        proposed.languages().toArray(String[]::new),
                        proposed.receives(),
                        proposed.urgent(),
                        proposed.priority(),
                        reason.strip())
                .query(Long.class)
                .single();
    }

    /** Open proposals for one authority (all of them for an instance administrator, else the organisation's own). */
    public List<ChangeProposal> proposals(String code, UUID organisationOrAll) {
        return jdbc.sql("""
                        select id, code, organisation, proposed_by, proposed_at, name, countries, languages, receives, urgent,
                               priority, reason, state
                        from authority_proposal where code = ? and (?::uuid is null or organisation = ?)
                        order by proposed_at desc, id desc limit 100""")
                .params(code, organisationOrAll, organisationOrAll)
                .query((rs, n) -> new ChangeProposal(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        "user:" + rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        new Authority(
                                rs.getString(2),
                                rs.getString(6),
                                List.of((String[]) rs.getArray(7).getArray()),
                                List.of((String[]) rs.getArray(8).getArray()),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getInt(11),
                                null),
                        rs.getString(12),
                        rs.getString(13)))
                .list();
    }

    /** Open proposals across the directory, for the instance administrators' list. */
    public long openProposals() {
        return jdbc.sql("select count(*) from authority_proposal where state = 'open'")
                .query(Long.class)
                .single();
    }

    /** An instance administrator applies (the directory changes, recorded with the proposal) or dismisses a proposal. */
    @org.springframework.transaction.annotation.Transactional
    public void decide(UUID by, String code, long proposal, boolean apply) {
        ChangeProposal p = proposals(code, null).stream()
                .filter(x -> x.id() == proposal && x.state().equals("open"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such open proposal"));
        if (apply) {
            Authority before = find(code).orElseThrow();
            Authority proposed = p.proposed();
            apply(
                    by,
                    new Authority(
                            code,
                            proposed.name(),
                            proposed.countries(),
                            proposed.languages(),
                            proposed.receives(),
                            proposed.urgent(),
                            proposed.priority(),
                            before.source()),
                    proposal);
        }
        jdbc.sql(
                        "update authority_proposal set state = ?, decided_by = ?, decided_at = now() where id = ? and state = 'open'")
                .params(apply ? "applied" : "dismissed", by, proposal)
                .update();
    }

    private static void validate(Authority changed) {
        if (changed.name().isBlank()
                || changed.name().length() > 300
                || changed.countries().isEmpty()
                || changed.countries().stream().anyMatch(c -> !c.matches("[A-Z]{2}"))) {
            throw new IllegalArgumentException("an authority needs a name and two-letter country codes");
        }
        if (changed.priority() < 1
                || changed.receives().isBlank()
                || changed.urgent().isBlank()) {
            throw new IllegalArgumentException(
                    "an authority needs a channel, an urgent channel and a priority of 1 or more");
        }
    }

    private void seed() {
        try (InputStream in = Authorities.class.getResourceAsStream("/authorities.tsv")) {
            if (in == null) {
                throw new IllegalStateException("authorities.tsv is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                jdbc.sql(
                                "insert into authority (code, name, countries, languages, receives, urgent, priority, source) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(c[0], c[1], split(c[2]), split(c[3]), c[4], c[5], Integer.parseInt(c[6]), c[7])
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).toArray(String[]::new);
    }
}
