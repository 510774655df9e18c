package org.filet.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.intake.Reports;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.referral.Authorities;
import org.filet.server.support.FiletSettings;
import org.filet.server.triage.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The main pages, in French, in a real browser, over realistic data (a report with a WhatsApp export, a picture and
 * identifiers on two platforms, a second report sharing a phone, a case, a referral the authority answered): no page
 * shows a constant of our enums or a stored code (status, kind, authority code) as a whole word, nor an English
 * sentence; and axe-core finds no WCAG 2.2 A/AA violation on them. Screenshots go to {@code target/pages-fr/}.
 */
class PagesInWordsIT extends ServerTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String WHATSAPP = """
            12/11/2026, 19:58 - Max: salut Léa, tu te souviens de moi ?
            12/11/2026, 19:59 - Léa: oui
            12/11/2026, 20:01 - Max: tu as quel âge déjà ?
            12/11/2026, 20:02 - Léa: 14
            12/11/2026, 20:05 - Max: appelle moi au 06 47 21 88 35 ou écris à max93.contact@example.com
            12/11/2026, 20:06 - Max: on se voit samedi à 15h au parc derrière l'école ?
            12/11/2026, 20:07 - Max: ne dis rien à tes parents
            """;
    /** Enum constants that are also ordinary words or names on a French page (each with why). */
    static final Set<String> ORDINARY = Set.of(
            "SMS",
            "sms", // a French word too
            "DANGER",
            "danger", // the French word, shown as the queue's badge
            "page", // the French word
            "URGENT",
            "urgent", // the French word
            "PDQ",
            "ZIP",
            "PDF",
            "HTML",
            "JSON",
            "XML",
            "PNG",
            "JPEG",
            "GIF",
            "WEBP",
            "HEIC",
            "MP4",
            "URL",
            "QR", // formats and algorithms, named as such
            "FR",
            "EN",
            "DE",
            "NL",
            "IT",
            "ES", // language and country codes are shown as codes
            "public",
            "minimal",
            "simple",
            "total",
            "normal", // French words too
            "signal",
            "message",
            "messages",
            "conversation",
            "contact",
            "description",
            "image",
            "images",
            "photo",
            "date",
            "note",
            "notes",
            "question",
            "questions",
            "code",
            "national",
            "international",
            "document",
            "mobile",
            "local",
            "unique",
            "possible",
            "sextortion",
            "profil",
            "identifiant",
            "origine",
            "source",
            "type",
            "format",
            "version",
            "option",
            "options",
            "texte",
            "vote",
            "exposition");
    /** Pages where an authority's code is shown as such, labelled "Code": the directory's administration. */
    static final Set<String> SHOW_AUTHORITY_CODES = Set.of("admin-authorities", "admin-authority");

    static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\p{L}])(the|and|with|from|was|were|is|are|not|of|this|that|opened|kept|read as|line|report\\(s\\)|"
                    + "reports|report page|received|first competent|listed|unparsed|declares|holds|ambiguous|missing)(?![\\p{L}])");

    /** Display names that are not role codes (a role's code in a name would be a false alarm). */
    static final Map<Role, String> NAMES = Map.of(
            Role.INSTANCE_ADMIN,
            "Camille Martin",
            Role.ANALYST,
            "Inès Moreau",
            Role.LEAD,
            "Paul Girard",
            Role.AUTHORITY,
            "Lieutenant Roux",
            Role.ADMIN,
            "Nadia Petit");

    static ChromeDriver browser;
    static Walk walk;

    @Autowired
    Vetting vetting;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    Reports reports;

    @Autowired
    Queue queue;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start("fr");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** What each page showed: its visible text, and axe-core's violations. */
    record Walk(Map<String, String> texts, Map<String, List<String>> violations) {}

    @Test
    void noPageShowsAnEnumConstantACodeOrAnEnglishPhrase() throws Exception {
        Walk w = walk();
        Set<String> codes = codes();
        assertThat(codes)
                .as("the words looked for")
                .contains("RECEIVED", "received", "PHONE", "phone", "ofmin", "in_review");
        Set<String> authorityCodes = authorityCodes();
        assertThat(authorityCodes).contains("ofmin", "pharos");
        Set<String> found = new java.util.LinkedHashSet<>();
        w.texts().forEach((page, text) -> {
            for (String word : words(text)) {
                if (codes.contains(word) && !(SHOW_AUTHORITY_CODES.contains(page) && authorityCodes.contains(word))) {
                    found.add(page + ": «" + word + "» in …" + around(text, word) + "…");
                }
            }
            Matcher m = ENGLISH.matcher(text);
            while (m.find()) {
                found.add(page + ": English «" + m.group() + "» in …" + around(text, m.group()) + "…");
            }
        });
        assertThat(w.texts()).hasSizeGreaterThan(20);
        assertThat(found).as("untranslated words").isEmpty();
    }

    @Test
    void axeCoreFindsNoWcagViolation() throws Exception {
        Walk w = walk();
        assertThat(w.violations()).hasSizeGreaterThan(15);
        List<String> all = new ArrayList<>();
        w.violations().forEach((page, v) -> v.forEach(x -> all.add(page + ": " + x)));
        assertThat(all).as("axe-core violations").isEmpty();
    }

    /** Words as a reader sees them: a dot, @, / or - inside a token (a handle, an address, a file name) joins it. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}_]+(?:[.@/\\-'’][\\p{L}\\p{N}_]+)*")
                .matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String around(String text, String word) {
        int i = text.indexOf(word);
        return text.substring(Math.max(0, i - 60), Math.min(text.length(), i + word.length() + 60))
                .replace('\n', ' ');
    }

    /**
     * The constant names of every enum of ours (as written and in lower case, with - and _), the stored codes a
     * message key names (the last part of {@code status.state.received}), and the authorities' codes.
     */
    Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return true;
            }
        };
        scan.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        for (BeanDefinition d : scan.findCandidateComponents("org.filet")) {
            try {
                Class<?> type = Class.forName(d.getBeanClassName());
                if (type.isEnum()) {
                    for (Object c : type.getEnumConstants()) {
                        String name = ((Enum<?>) c).name();
                        codes.add(name);
                        codes.add(name.toLowerCase(Locale.ROOT));
                        codes.add(name.toLowerCase(Locale.ROOT).replace('_', '-'));
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(d.getBeanClassName(), e);
            }
        }
        java.util.Properties fr = new java.util.Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            fr.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern coded = Pattern.compile(
                "(?:status\\.state|queue\\.state|referral\\.state|referral\\.outcome|case\\.status|link\\.kind|"
                        + "vetting\\.kind|role|contact\\.kind|custody\\.action|channel|dashboard\\.outcome)\\.([a-z_\\-]+)");
        for (String key : fr.stringPropertyNames()) {
            Matcher m = coded.matcher(key);
            if (m.matches()) {
                codes.add(m.group(1));
            }
        }
        codes.addAll(authorityCodes());
        codes.removeAll(ORDINARY);
        codes.removeIf(c -> c.length() < 3);
        return codes;
    }

    /** The directory's codes, less those that are also a word of an authority's name (fedpol is called fedpol). */
    Set<String> authorityCodes() {
        Set<String> names = new TreeSet<>();
        Set<String> out = new TreeSet<>();
        for (Authorities.Authority a : authorities.all()) {
            names.addAll(words(a.name()));
            out.add(a.code());
        }
        out.removeAll(names);
        return out;
    }

    synchronized Walk walk() throws Exception {
        if (walk != null) {
            return walk;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        Path shots = Files.createDirectories(Path.of("target/pages-fr"));

        UUID org = organisations.receiving(settings.organisation());
        StaffUser admin = user("words-admin@filet.test", org, Role.INSTANCE_ADMIN);
        StaffUser analyst = user("words-analyst@filet.test", org, Role.ANALYST);
        StaffUser lead = user("words-lead@filet.test", org, Role.LEAD);
        UUID police = organisations
                .findByName("Autorités")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autorités"));
        StaffUser officer = user("words-ofmin@police.test", police, Role.AUTHORITY);
        users.setAuthority(officer.id(), "ofmin");

        // two reports: one with a WhatsApp export, a picture and accounts on two platforms; one sharing the phone
        String first = submit(
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"age\":14,\"country\":\"FR\",\"nameInConversation\":\"Léa\"},"
                        + "\"platform\":\"Instagram et Snapchat\",\"suspectAccounts\":[{\"platform\":\"Instagram\",\"handle\":\"max.93.off\"},"
                        + "{\"platform\":\"Snapchat\",\"handle\":\"max93.off\"}],\"phones\":[\"06 47 21 88 35\"],"
                        + "\"description\":\"Un adulte écrit à ma fille et veut la voir samedi.\"}",
                true);
        String second = submit(
                "{\"reporter\":{\"role\":\"other\"},\"child\":{\"age\":13,\"country\":\"FR\"},"
                        + "\"phones\":[\"+33647218835\"],\"suspectAccounts\":[{\"handle\":\"max.93.off\"}],"
                        + "\"description\":\"Le même numéro écrit à mon élève.\"}",
                false);
        awaitTriage(first);
        awaitTriage(second);

        // a case from both, approved by a lead, referred to the authority, which asks and records an outcome
        String a = users.issueToken(analyst.id());
        String l = users.issueToken(lead.id());
        String p = users.issueToken(officer.id());
        String number = postForm(
                        "/staff/cases",
                        a,
                        "title=" + enc("Compte qui écrit à plusieurs enfants") + "&receipts=" + first + "+" + second)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/staff/cases/", "");
        postForm("/staff/cases/" + number + "/notes", a, "body=" + enc("Même numéro dans les deux signalements."));
        postForm("/staff/cases/" + number + "/status", a, "status=investigating");
        postForm("/staff/cases/" + number + "/status", a, "status=ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "").statusCode())
                .isEqualTo(302);
        UUID referral = jdbc.sql("select f.id from referral f join filet_case c on c.id = f.case_id where c.number = ?")
                .param(number)
                .query(UUID.class)
                .single();
        postForm("/authority/referrals/" + referral + "/accept", p, "");
        postForm("/authority/referrals/" + referral + "/questions", p, "body=" + enc("Le téléphone est-il conservé ?"));
        postForm("/authority/referrals/" + referral + "/outcomes", p, "kind=arrest&date=" + LocalDate.now());

        // public pages: the form, the receipt, the status page, the notices, the login
        browser.manage().deleteAllCookies();
        visit("/", "form", texts, violations, shots, true);
        browser.findElement(By.id("childAge")).sendKeys("12");
        browser.findElement(By.id("description")).sendKeys("Un inconnu lui demande des photos.");
        browser.findElement(By.id("submit")).click();
        String receipt = Browser.waitFor(browser, By.id("receipt")).getText();
        String code = browser.findElement(By.id("access-code")).getText();
        record("received", texts, violations, shots, true);
        visit("/status", "status-form", texts, violations, shots, true);
        browser.findElement(By.id("receipt")).sendKeys(receipt);
        browser.findElement(By.id("accessCode")).sendKeys(code);
        browser.findElement(By.cssSelector("main form button")).click();
        Browser.waitFor(browser, By.id("status"));
        record("status", texts, violations, shots, true);
        String firstCode = firstAccessCode;
        visit("/status", "status-referred-form", texts, violations, shots, true);
        browser.findElement(By.id("receipt")).sendKeys(first);
        browser.findElement(By.id("accessCode")).sendKeys(firstCode);
        browser.findElement(By.cssSelector("main form button")).click();
        Browser.waitFor(browser, By.id("status"));
        record("status-referred", texts, violations, shots, true);
        visit("/privacy", "privacy", texts, violations, shots, true);
        visit("/legal", "legal", texts, violations, shots, true);
        visit("/setup/no-such-link", "error-public-404", texts, violations, shots, true);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable.");
        assertThat(browser.findElements(By.cssSelector("header form[action$='/logout']")))
                .as("the public header")
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("footer a[href$='/privacy']")))
                .as("the public footer")
                .isNotEmpty();
        visit("/login", "login", texts, violations, shots, true);

        // staff pages, as an instance administrator (who sees the staff and the admin pages)
        Browser.logIn(browser, uri("").toString(), admin.email(), PASSWORD, "/staff/queue");
        visit("/staff/queue", "queue", texts, violations, shots, false);
        visit("/staff/reports/" + first, "report", texts, violations, shots, false);
        visit("/staff/reports/" + second, "report-second", texts, violations, shots, false);
        visit("/staff/reports/" + first + "/network", "network", texts, violations, shots, false);
        String identifier = browser.findElements(By.cssSelector("main a[href*='/staff/identifiers']")).stream()
                .map(e -> e.getAttribute("href"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no identifier link on the network page"));
        browser.get(identifier);
        record("identifier", texts, violations, shots, false);
        visit("/staff/search?q=" + enc("max.93.off"), "search", texts, violations, shots, false);
        visit("/staff/search?q=" + enc("06 47 21 88 35"), "search-phone", texts, violations, shots, false);
        visit("/staff/cases", "cases", texts, violations, shots, false);
        visit("/staff/cases/" + number, "case", texts, violations, shots, false);
        visit("/staff/dashboard", "dashboard", texts, violations, shots, false);
        visit("/staff/retention", "retention", texts, violations, shots, false);
        visit("/staff/wellbeing", "wellbeing", texts, violations, shots, false);
        visit("/admin/users", "admin-users", texts, violations, shots, false);
        visit("/admin/users/" + analyst.id(), "admin-user", texts, violations, shots, false);
        visit("/admin/authorities", "admin-authorities", texts, violations, shots, false);
        visit("/admin/authorities/ofmin", "admin-authority", texts, violations, shots, false);
        visit("/admin/organisations", "admin-organisations", texts, violations, shots, false);
        visit("/admin/settings", "admin-settings", texts, violations, shots, false);
        visit("/staff/reports/R-0000-0000-0000", "error-staff-404", texts, violations, shots, false);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable.");
        assertThat(browser.findElements(By.cssSelector("header a[href$='/staff/queue']")))
                .as("a staff member's error page has the staff header")
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("header form[action$='/logout']")))
                .isNotEmpty();

        // the authority's portal
        Browser.logIn(browser, uri("").toString(), officer.email(), PASSWORD, "/authority");
        visit("/authority", "portal", texts, violations, shots, false);
        visit("/authority/referrals/" + referral, "portal-referral", texts, violations, shots, false);
        visit("/staff/queue", "error-authority-403", texts, violations, shots, false);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Cette page ou cette action ne vous est pas ouverte.");
        assertThat(browser.findElements(By.cssSelector("header a[href$='/authority']")))
                .as("an officer's error page has the portal header")
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("header form[action$='/logout']")))
                .isNotEmpty();

        // the same refusal for an officer who reads English: in English, in the portal's layout
        browser.get(uri("/staff/queue?lang=en").toString());
        assertThat(Browser.waitFor(browser, By.tagName("h1")).getText())
                .isEqualTo("This page or action is not open to you.");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElements(By.cssSelector("header form[action$='/logout']")))
                .isNotEmpty();

        walk = new Walk(texts, violations);
        return walk;
    }

    private void visit(
            String path,
            String name,
            Map<String, String> texts,
            Map<String, List<String>> violations,
            Path shots,
            boolean phone)
            throws Exception {
        browser.get(uri(path).toString());
        record(name, texts, violations, shots, phone);
    }

    /** Keeps the page's visible text, runs axe-core on it, and takes a screenshot (390 px wide for public pages). */
    private void record(
            String name, Map<String, String> texts, Map<String, List<String>> violations, Path shots, boolean phone)
            throws Exception {
        Browser.waitFor(browser, By.tagName("main"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                .as(name)
                .isEqualTo("fr");
        texts.put(
                name,
                browser.getTitle() + "\n"
                        + browser.findElement(By.tagName("body")).getText());
        violations.put(name, Axe.violations(browser));
        if (phone) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
        }
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(phone ? 390 : 1200, (int)
                Math.min(6000, Math.max(800, ((Number) height).longValue()))));
        Files.write(shots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1600));
    }

    private String firstAccessCode;

    private String submit(String report, boolean withFiles) throws Exception {
        Multipart form = new Multipart().json("report", report);
        if (withFiles) {
            form.file(
                    "files",
                    "Discussion WhatsApp avec Max.txt",
                    "text/plain",
                    WHATSAPP.getBytes(StandardCharsets.UTF_8));
            form.file("files", "capture.png", "image/png", TestImages.png(41));
        }
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        if (withFiles) {
            firstAccessCode = body.get("accessCode").asString();
        }
        return body.get("receipt").asString();
    }

    private void awaitTriage(String receipt) throws InterruptedException {
        UUID id = reports.idOf(receipt).orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (queue.triage(id).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(queue.triage(id)).as("triaged: " + receipt).isPresent();
    }

    private StaffUser user(String email, UUID org, Role role) {
        return users.findByEmail(email).orElseGet(() -> {
            StaffUser u = Vetted.vet(vetting, users.create(org, email, NAMES.get(role), role));
            users.setPassword(u.id(), PASSWORD);
            return u;
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
