package org.filet.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.filet.server.Multipart;
import org.filet.server.ServerTest;
import org.filet.server.TestImages;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.people.Vetted;
import org.filet.server.people.Vetting;
import org.filet.server.support.FiletSettings;
import org.filet.verify.PackageVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An approved case is referred to the authority proposed for the child's country; only that authority sees it; its
 * acceptance and outcomes flow back to the case and, in plain words, to the reporter.
 */
class ReferralIT extends ServerTest {

    @Autowired
    Vetting vetting;

    @Autowired
    StaffUsers users;

    @Autowired
    Organisations organisations;

    @Autowired
    FiletSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void approvedCaseGoesToTheCompetentAuthorityWhichRecordsOutcomesSeenByTheReporter() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = user("ref-analyst@filet.test", org, Role.ANALYST);
        StaffUser lead = user("ref-lead@filet.test", org, Role.LEAD);
        UUID authorities = organisations
                .findByName("Autorités")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autorités"));
        StaffUser police = user("ofmin@police.test", authorities, Role.AUTHORITY);
        users.setAuthority(police.id(), "ofmin");
        StaffUser other = user("pharos@police.test", authorities, Role.AUTHORITY);
        users.setAuthority(other.id(), "pharos");
        String a = token(analyst);
        String l = token(lead);
        String p = token(police);

        HttpResponse<String> created = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\",\"contact\":\"parent-ref@example.org\",\"notifyByEmail\":true},"
                        + "\"child\":{\"age\":12,\"country\":\"FR\"},\"description\":\"à transmettre\"}");
        String receipt = json(created).get("receipt").asString();
        String code = json(created).get("accessCode").asString();

        String second = json(postJson(
                        "/api/v1/reports",
                        "{\"reporter\":{\"role\":\"other\"},\"child\":{\"country\":\"FR\"},"
                                + "\"description\":\"même compte, autre enfant\"}"))
                .get("receipt")
                .asString();
        String number = postForm(
                        "/staff/cases",
                        a,
                        "title=" + enc("Dossier à transmettre") + "&receipts=" + receipt + "+" + second)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/staff/cases/", "");
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "").statusCode())
                .as("not approved yet")
                .isEqualTo(422);
        postForm("/staff/cases/" + number + "/status", a, "status=investigating");
        postForm("/staff/cases/" + number + "/status", a, "status=ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + l).body())
                .contains("Office mineurs (OFMIN)");

        assertThat(postForm("/staff/cases/" + number + "/referral", a, "").statusCode())
                .as("an analyst cannot refer")
                .isEqualTo(422);
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "authority=pharos")
                        .statusCode())
                .as("another authority than proposed needs a reason")
                .isEqualTo(422);
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "").statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql(
                                "select f.authority || '|' || c.status from referral f join filet_case c on c.id = f.case_id where c.number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("ofmin|referred");
        assertThat(json(get("/api/v1/reports/" + receipt, "X-Access-Code", code))
                        .get("status")
                        .asString())
                .isEqualTo("referred");
        var mails = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(receipt)
                                && java.util.Arrays.stream(m.getAllRecipients())
                                        .anyMatch(r -> r.toString().equals("parent-ref@example.org"));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
        assertThat(mails).as("the reporter asked to be told").hasSize(1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(0)))
                .contains("Transmis")
                .doesNotContain("ofmin")
                .doesNotContain("OFMIN");

        // only the addressed authority sees it, and authority users see no staff page
        assertThat(get("/authority", "Authorization", "Bearer " + p).body()).contains(number);
        assertThat(get("/authority", "Authorization", "Bearer " + token(other)).body())
                .doesNotContain(number);
        UUID referral = jdbc.sql("select f.id from referral f join filet_case c on c.id = f.case_id where c.number = ?")
                .param(number)
                .query(UUID.class)
                .single();
        assertThat(get("/authority/referrals/" + referral, "Authorization", "Bearer " + token(other))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/staff/queue", "Authorization", "Bearer " + p).statusCode())
                .isEqualTo(403);
        assertThat(get("/authority", "Authorization", "Bearer " + a).statusCode())
                .isEqualTo(403);

        assertThat(postForm("/authority/referrals/" + referral + "/accept", p, "")
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<byte[]> pkg = http.send(
                HttpRequest.newBuilder(uri("/authority/referrals/" + referral + "/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + p)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pkg.statusCode()).isEqualTo(200);
        java.nio.file.Path zip =
                java.nio.file.Files.write(java.nio.file.Files.createTempFile("referral-", ".zip"), pkg.body());
        assertThat(PackageVerifier.verify(zip).valid())
                .as("the police verify it offline")
                .isTrue();
        HttpResponse<byte[]> whole = http.send(
                HttpRequest.newBuilder(uri("/authority/referrals/" + referral + "/package"))
                        .header("Authorization", "Bearer " + p)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        java.nio.file.Path caseZip =
                java.nio.file.Files.write(java.nio.file.Files.createTempFile("case-", ".zip"), whole.body());
        var caseReport = PackageVerifier.verify(caseZip);
        assertThat(caseReport.valid()).as("%s", caseReport.findings()).isTrue();
        assertThat(caseReport.facts().get("subject")).isEqualTo("case:" + number);
        try (var z = new java.util.zip.ZipFile(caseZip.toFile())) {
            assertThat(z.getEntry("report-" + receipt.toLowerCase() + ".pdf")).isNotNull();
            assertThat(z.getEntry("report-" + second.toLowerCase() + ".pdf")).isNotNull();
        }
        assertThat(jdbc.sql("select actor from custody_event where subject = ? and action = 'exported'")
                        .param("report:" + receipt)
                        .query(String.class)
                        .list())
                .containsExactly(police.actor());
        HttpResponse<byte[]> foreign = http.send(
                HttpRequest.newBuilder(uri("/authority/referrals/" + referral + "/reports/" + receipt + "/package"))
                        .header("Authorization", "Bearer " + token(other))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(foreign.statusCode()).isEqualTo(404);

        HttpResponse<String> xml =
                get("/authority/referrals/" + referral + "/cybertipline.xml", "Authorization", "Bearer " + p);
        assertThat(xml.statusCode()).isEqualTo(200);
        CyberTiplineXml.validate(xml.body()); // our XSD, independently of the writer's own check
        assertThat(xml.body())
                .contains("Online Enticement of Children for Sexual Acts")
                .contains(receipt)
                .contains("<age>12</age>");
        assertThatThrownBy(() -> CyberTiplineXml.validate(
                        xml.body().replace("Online Enticement of Children for Sexual Acts", "something else")))
                .hasMessageContaining("does not validate");
        assertThat(postForm(
                                "/authority/referrals/" + referral + "/questions",
                                p,
                                "body=" + enc("Avez-vous l'export complet ?"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + l).body())
                .contains("Avez-vous l&#39;export complet ?");
        assertThat(postForm(
                                "/staff/cases/" + number + "/referral/answers",
                                a,
                                "body=" + enc("Oui, joint au signalement."))
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/authority/referrals/" + referral, "Authorization", "Bearer " + p)
                        .body())
                .contains("Oui, joint au signalement.");
        assertThat(postForm("/authority/referrals/" + referral + "/questions", token(other), "body=x")
                        .statusCode())
                .isEqualTo(404);
        assertThat(postForm("/authority/referrals/" + referral + "/outcomes", p, "kind=arrest&date=" + LocalDate.now())
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/authority/referrals/" + referral + "/outcomes", p, "kind=arrest&date=2099-01-01")
                        .statusCode())
                .isEqualTo(422);
        assertThat(json(get("/api/v1/reports/" + receipt, "X-Access-Code", code))
                        .get("status")
                        .asString())
                .as("an arrest does not close the referral: the parent still reads 'passed to the police'")
                .isEqualTo("referred");
        assertThat(postForm("/authority/referrals/" + referral + "/close", p, "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(json(get("/api/v1/reports/" + receipt, "X-Access-Code", code))
                        .get("status")
                        .asString())
                .isEqualTo("closed");
        assertThat(json(get("/api/v1/reports/" + receipt, "X-Access-Code", code))
                        .get("passedToPolice")
                        .asBoolean())
                .isTrue();
        assertThat(postForm(
                                "/authority/referrals/" + referral + "/outcomes",
                                p,
                                "kind=conviction&date=" + LocalDate.now())
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + l).body())
                .contains("interpellation")
                .contains("condamnation");
        assertThat(jdbc.sql("select count(*) from custody_event where subject = ? and action = 'referred'")
                        .param("report:" + receipt)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the organisation's dashboard counts what was recorded
        HttpResponse<String> dashboard = get("/staff/dashboard", "Authorization", "Bearer " + l);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("id=\"chart-weeks\"")
                .contains("id=\"chart-authorities\"")
                .contains("Office mineurs (OFMIN)")
                .doesNotContain(">ofmin<")
                .doesNotContain(">arrest<")
                .contains("id=\"chart-outcomes\"")
                .doesNotContain("id=\"median-referral\">—");

        // handing over: needs a reason; then only the new authority sees it
        assertThat(postForm("/authority/referrals/" + referral + "/handover", p, "to=pharos")
                        .statusCode())
                .isEqualTo(422);
        assertThat(postForm(
                                "/authority/referrals/" + referral + "/handover",
                                p,
                                "to=pharos&reason=" + enc("contenus en ligne"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/authority", "Authorization", "Bearer " + p).body()).doesNotContain(number);
        assertThat(get("/authority", "Authorization", "Bearer " + token(other)).body())
                .contains(number);
    }

    @Test
    void onlyAnInstanceAdministratorEditsTheDirectoryOthersProposeAndEveryChangeIsRecorded() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        UUID elsewhere = organisations
                .findByName("Association voisine")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Association voisine"));
        StaffUser instanceAdmin = user("directory-instance@filet.test", org, Role.INSTANCE_ADMIN);
        StaffUser admin = user("directory-admin@voisine.test", elsewhere, Role.ADMIN);
        StaffUser lead = user("directory-lead@filet.test", org, Role.LEAD);
        String form = "name=" + enc("Police grand-ducale")
                + "&countries=LU&languages=fr,de&receives=portal&urgent=113&priority=1";
        assertThat(postForm("/admin/authorities/lu-police", token(lead), form).statusCode())
                .isEqualTo(403);

        // an organisation's administrator cannot change what every organisation routes by
        String before = jdbc.sql("select name from authority where code = 'lu-police'")
                .query(String.class)
                .single();
        HttpResponse<String> refused = postForm("/admin/authorities/lu-police", token(admin), form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Seul un administrateur de l&#39;instance");
        assertThat(jdbc.sql("select name from authority where code = 'lu-police'")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        assertThat(postForm(
                                "/admin/authorities/ofmin",
                                token(admin),
                                "name=Pharos&countries=FR&languages=fr&receives=p&urgent=17&priority=1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select name from authority where code = 'ofmin'")
                        .query(String.class)
                        .single())
                .contains("OFMIN");

        // ... but proposes, with a reason; the instance administrator sees it and applies it
        assertThat(postForm("/admin/authorities/lu-police/proposals", token(admin), form)
                        .statusCode())
                .as("a reason is needed")
                .isEqualTo(400);
        assertThat(postForm(
                                "/admin/authorities/lu-police/proposals",
                                token(admin),
                                form + "&reason=" + enc("site officiel, 2026-11"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select name from authority where code = 'lu-police'")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        long proposal = jdbc.sql(
                        "select id from authority_proposal where code = 'lu-police' and state = 'open' order by id desc limit 1")
                .query(Long.class)
                .single();
        assertThat(get("/admin/authorities", "Authorization", "Bearer " + token(instanceAdmin))
                        .body())
                .contains("id=\"open-proposals\"");
        assertThat(get("/admin/authorities/lu-police", "Authorization", "Bearer " + token(instanceAdmin))
                        .body())
                .contains("site officiel, 2026-11")
                .contains("directory-admin@voisine.test");
        assertThat(postForm("/admin/authorities/lu-police/proposals/" + proposal, token(admin), "decision=apply")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postForm(
                                "/admin/authorities/lu-police/proposals/" + proposal,
                                token(instanceAdmin),
                                "decision=apply")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select name from authority where code = 'lu-police'")
                        .query(String.class)
                        .single())
                .isEqualTo("Police grand-ducale");

        // the instance administrator edits directly; invalid input is refused
        assertThat(postForm(
                                "/admin/authorities/lu-police",
                                token(instanceAdmin),
                                "name=x&countries=Luxembourg&languages=fr&receives=p&urgent=1&priority=1")
                        .statusCode())
                .isEqualTo(400);
        String edit = form.replace("priority=1", "priority=2");
        assertThat(postForm("/admin/authorities/lu-police", token(instanceAdmin), edit)
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select changed_by from authority_change where code = 'lu-police' order by id")
                        .query(UUID.class)
                        .list())
                .containsExactly(instanceAdmin.id(), instanceAdmin.id());

        // history: names only to those allowed to know them
        String seenByOtherOrganisation = get("/admin/authorities/lu-police", "Authorization", "Bearer " + token(admin))
                .body();
        assertThat(seenByOtherOrganisation)
                .contains("Protection de la jeunesse")
                .contains("un administrateur de l&#39;instance")
                .doesNotContain("directory-instance@filet.test")
                .doesNotContain(instanceAdmin.id().toString());
        assertThat(get("/admin/authorities/lu-police", "Authorization", "Bearer " + token(instanceAdmin))
                        .body())
                .contains("directory-instance@filet.test");
    }

    @Test
    void whatLeavesIsExactlyWhatASecondPersonApproved() throws Exception {
        UUID org = organisations.receiving(settings.organisation());
        StaffUser analyst = user("snap-analyst@filet.test", org, Role.ANALYST);
        StaffUser lead = user("snap-lead@filet.test", org, Role.LEAD);
        StaffUser lead2 = user("snap-lead2@filet.test", org, Role.LEAD);
        UUID authorities = organisations
                .findByName("Autorités")
                .map(Organisations.Organisation::id)
                .orElseGet(() -> organisations.create("Autorités"));
        StaffUser police = user("snap-ofmin@police.test", authorities, Role.AUTHORITY);
        users.setAuthority(police.id(), "ofmin");
        String a = token(analyst);
        String l = token(lead);
        String p = token(police);
        String first = json(postJson(
                        "/api/v1/reports",
                        "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},"
                                + "\"description\":\"premier signalement\"}"))
                .get("receipt")
                .asString();
        HttpResponse<String> laterCreated = postJson(
                "/api/v1/reports",
                "{\"reporter\":{\"role\":\"parent\"},\"child\":{\"country\":\"FR\"},"
                        + "\"description\":\"signalement arrivé plus tard\"}");
        String later = json(laterCreated).get("receipt").asString();
        String number = postForm("/staff/cases", a, "title=" + enc("Quatre yeux") + "&receipts=" + first)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/staff/cases/", "");
        postForm("/staff/cases/" + number + "/status", a, "status=investigating");
        postForm("/staff/cases/" + number + "/status", a, "status=ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/status", a, "status=approved")
                        .statusCode())
                .as("an analyst cannot approve")
                .isEqualTo(403);
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);

        // a report added after approval withdraws the approval: nothing can be referred before a new one
        assertThat(postForm("/staff/cases/" + number + "/reports", a, "receipt=" + later)
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select status from filet_case where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("ready_for_review");
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "").statusCode())
                .isEqualTo(422);
        postForm("/staff/cases/" + number + "/reports/" + later + "/remove", a, "");
        assertThat(postForm("/staff/cases/" + number + "/status", l, "status=approved")
                        .statusCode())
                .isEqualTo(302);
        assertThat(postForm("/staff/cases/" + number + "/referral", l, "").statusCode())
                .isEqualTo(302);
        UUID referral = jdbc.sql("select f.id from referral f join filet_case c on c.id = f.case_id where c.number = ?")
                .param(number)
                .query(UUID.class)
                .single();

        // after the referral, an analyst adds a report: the authority does not see it
        assertThat(postForm("/staff/cases/" + number + "/reports", a, "receipt=" + later)
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(p, "/authority/referrals/" + referral + "/reports/" + later + "/package"))
                .isEqualTo(404);
        assertThat(get("/authority/referrals/" + referral, "Authorization", "Bearer " + p)
                        .body())
                .contains(first)
                .doesNotContain(later);
        assertThat(zipEntries(p, "/authority/referrals/" + referral + "/package"))
                .noneMatch(e -> e.contains(later.toLowerCase()));
        String casePdf = pdfText(zipEntry(p, "/authority/referrals/" + referral + "/package", "case.pdf"));
        assertThat(casePdf)
                .as("case.pdf describes what was approved, nothing added since")
                .contains(first)
                .doesNotContain(later)
                .contains("1 signalement(s)");
        assertThat(get("/staff/cases/" + number, "Authorization", "Bearer " + l).body())
                .contains("id=\"awaits-approval\"");

        // the parent adds a file to the referred report: it does not leave either
        Multipart extra = new Multipart().file("files", "capture.png", "image/png", TestImages.png(7));
        String laterCode = json(laterCreated).get("accessCode").asString();
        assertThat(http.send(
                                java.net.http.HttpRequest.newBuilder(uri("/api/v1/reports/" + later + "/evidence"))
                                        .header("Content-Type", extra.contentType())
                                        .header("X-Access-Code", laterCode)
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(extra.bytes()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(201);

        // the one who changed it cannot approve the change; the author cannot; a second lead can, and it leaves at once
        assertThat(postForm("/staff/cases/" + number + "/referral/supplement", a, "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postForm("/staff/cases/" + number + "/referral/supplement", l, "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(p, "/authority/referrals/" + referral + "/reports/" + later + "/package"))
                .isEqualTo(200);
        assertThat(get("/authority/referrals/" + referral, "Authorization", "Bearer " + p)
                        .body())
                .contains(later);
        assertThat(jdbc.sql(
                                "select count(*) from case_snapshot s join filet_case c on c.id = s.case_id where c.number = ? and s.referred_at is not null")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // a file added after that supplement stays home until approved again
        Multipart more = new Multipart().file("files", "autre.png", "image/png", TestImages.png(9));
        http.send(
                java.net.http.HttpRequest.newBuilder(uri("/api/v1/reports/" + later + "/evidence"))
                        .header("Content-Type", more.contentType())
                        .header("X-Access-Code", laterCode)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(more.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String newest = jdbc.sql(
                        "select f.sha256 from report_file f join report r on r.id = f.report_id where r.receipt = ? order by f.position desc limit 1")
                .param(later)
                .query(String.class)
                .single();
        java.util.List<String> entries =
                zipEntries(p, "/authority/referrals/" + referral + "/reports/" + later + "/package");
        assertThat(entries).isNotEmpty().noneMatch(e -> e.contains(newest));
        assertThat(postForm("/staff/cases/" + number + "/referral/supplement", token(lead2), "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(zipEntries(p, "/authority/referrals/" + referral + "/reports/" + later + "/package"))
                .anyMatch(e -> e.contains(newest));
    }

    private int status(String token, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private java.util.List<String> zipEntries(String token, String path) throws Exception {
        HttpResponse<byte[]> zip = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private byte[] zipEntry(String token, String path, String name) throws Exception {
        HttpResponse<byte[]> zip = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in " + path);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        java.nio.file.Path file =
                java.nio.file.Files.write(java.nio.file.Files.createTempFile("referral-", ".pdf"), pdf);
        try {
            return String.join(
                    " ",
                    org.filet.server.evidence.documents.Pdftotext.text(file).split("\\s+"));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private StaffUser user(String email, UUID org, Role role) {
        return users.findByEmail(email).orElseGet(() -> Vetted.vet(vetting, users.create(org, email, email, role)));
    }

    private String token(StaffUser user) {
        return users.issueToken(user.id());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
