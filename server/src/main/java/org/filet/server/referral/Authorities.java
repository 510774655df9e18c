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
import java.util.function.Function;
import java.util.stream.Collectors;

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
    public record Authority(String code, String name, List<String> countries, List<String> languages, String receives,
                            String urgent, int priority, String source) {
    }

    /** The proposed authority for a case, and why. */
    public record Proposal(Authority authority, String country, String why) {
    }

    public List<Authority> all() {
        return jdbc.sql("select code, name, countries, languages, receives, urgent, priority, source from authority order by code")
                .query((rs, n) -> new Authority(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)))
                .list();
    }

    public Optional<Authority> find(String code) {
        return all().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * The authority competent for the children's country most represented in the case (ties: the first reported);
     * among authorities covering it, the one with the lowest priority number.
     */
    public Optional<Proposal> propose(List<String> childCountries) {
        Map<String, Long> counts = childCountries.stream().filter(c -> c != null && !c.isBlank())
                .collect(Collectors.groupingBy(Function.identity(), java.util.LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .flatMap(e -> all().stream().filter(a -> a.countries().contains(e.getKey()))
                        .sorted(java.util.Comparator.comparingInt(Authority::priority)).limit(1)
                        .map(a -> new Proposal(a, e.getKey(), "child's country " + e.getKey() + " (" + e.getValue()
                                + " report(s)): " + a.name() + " is the first competent authority listed for it")))
                .findFirst();
    }

    /** An administrator's change to an authority; recorded with who, when, before and after. */
    @org.springframework.transaction.annotation.Transactional
    public void update(java.util.UUID by, Authority changed) {
        Authority before = find(changed.code()).orElseThrow(() -> new IllegalArgumentException("no such authority"));
        if (changed.name().isBlank() || changed.countries().isEmpty()
                || changed.countries().stream().anyMatch(c -> !c.matches("[A-Z]{2}"))) {
            throw new IllegalArgumentException("an authority needs a name and two-letter country codes");
        }
        jdbc.sql("update authority set name = ?, countries = ?, languages = ?, receives = ?, urgent = ?, priority = ? where code = ?")
                .params(changed.name(), changed.countries().toArray(String[]::new), changed.languages().toArray(String[]::new),
                        changed.receives(), changed.urgent(), changed.priority(), changed.code())
                .update();
        jdbc.sql("insert into authority_change (code, changed_by, before, after) values (?, ?, ?, ?)")
                .params(changed.code(), by, before.toString(), find(changed.code()).orElseThrow().toString()).update();
    }

    /** The changes made to an authority, newest first: who, when, before and after. */
    public List<String[]> changes(String code) {
        return jdbc.sql("select changed_by, changed_at, before, after from authority_change where code = ? order by changed_at desc")
                .param(code).query((rs, n) -> new String[] {rs.getString(1), rs.getTimestamp(2).toInstant().toString(),
                        rs.getString(3), rs.getString(4)}).list();
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
                jdbc.sql("insert into authority (code, name, countries, languages, receives, urgent, priority, source) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(c[0], c[1], split(c[2]), split(c[3]), c[4], c[5], Integer.parseInt(c[6]), c[7]).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).toArray(String[]::new);
    }
}
