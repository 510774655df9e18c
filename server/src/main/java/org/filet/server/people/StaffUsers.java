package org.filet.server.people;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff users, their API tokens and their one-time password links. */
@Component
public class StaffUsers {

    static final Duration LINK_VALIDITY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    StaffUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** A user row with the password hash, for login only. */
    record Credentials(StaffUser user, String passwordHash, boolean enabled) {}

    /** Creates a user without a password; they set one through a one-time link. */
    @Transactional
    public StaffUser create(UUID organisation, String email, String displayName, Role role) {
        String normalised = normaliseEmail(email);
        if (findByEmail(normalised).isPresent()) {
            throw new IllegalArgumentException("a user with this email already exists");
        }
        UUID id = UUID.randomUUID();
        String name = displayName == null || displayName.isBlank() ? normalised : displayName.trim();
        jdbc.sql("insert into staff_user (id, organisation, email, display_name, role) values (?, ?, ?, ?, ?)")
                .params(id, organisation, normalised, name, role.dbValue())
                .update();
        return new StaffUser(id, organisation, normalised, name, role);
    }

    public Optional<StaffUser> findByEmail(String email) {
        return credentials(email).map(Credentials::user);
    }

    /** Display names by custody actor ({@code user:<id>}); other actors (components) are left out. */
    public java.util.Map<String, String> names(java.util.Collection<String> actors) {
        return namesWhere(actors, null);
    }

    /**
     * Display names of the actors who belong to one organisation; the others are left out, so that a page of one
     * organisation never shows who works in another.
     */
    public java.util.Map<String, String> namesIn(UUID organisation, java.util.Collection<String> actors) {
        return namesWhere(actors, organisation);
    }

    private java.util.Map<String, String> namesWhere(java.util.Collection<String> actors, UUID organisation) {
        java.util.List<UUID> ids = actors.stream()
                .filter(a -> a.startsWith("user:"))
                .map(a -> a.substring(5))
                .distinct()
                .flatMap(a -> {
                    try {
                        return java.util.stream.Stream.of(UUID.fromString(a));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(
                            "select id, display_name, email from staff_user where id = any (?) and (?::uuid is null or organisation = ?)")
                    .params(ids.toArray(UUID[]::new), organisation, organisation)
                    .query((rs, n) -> names.put(
                            "user:" + rs.getObject(1, UUID.class), rs.getString(2) + " <" + rs.getString(3) + ">"))
                    .list();
        }
        return names;
    }

    /** A staff member as shown in documents sent out: display name and role ({@code analyst}, {@code lead}…; never the id alone). */
    public record Shown(String name, String role) {}

    /**
     * Name and role by custody actor ({@code user:<id>}), for sealed packages; other actors (components) and unknown
     * ids are left out.
     */
    public java.util.Map<String, Shown> namesAndRoles(java.util.Collection<String> actors) {
        java.util.List<UUID> ids = actors.stream()
                .filter(a -> a != null && a.startsWith("user:"))
                .map(a -> a.substring(5))
                .distinct()
                .flatMap(a -> {
                    try {
                        return java.util.stream.Stream.of(UUID.fromString(a));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
        java.util.Map<String, Shown> shown = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, display_name, role from staff_user where id = any (?)")
                    .param(ids.toArray(UUID[]::new))
                    .query((rs, n) -> shown.put(
                            "user:" + rs.getObject(1, UUID.class), new Shown(rs.getString(2), rs.getString(3))))
                    .list();
        }
        return shown;
    }

    /** The authority an authority user belongs to. */
    public java.util.Optional<String> authorityOf(UUID user) {
        return jdbc.sql("select authority from staff_user where id = ? and role = 'authority'")
                .param(user)
                .query(String.class)
                .optional()
                .filter(a -> a != null);
    }

    /** Attaches an authority user to an authority of the directory. */
    public void setAuthority(UUID user, String authority) {
        jdbc.sql("update staff_user set authority = ? where id = ? and role = 'authority'")
                .params(authority, user)
                .update();
    }

    /** A member of an organisation as its administrators see them. */
    public record Member(StaffUser user, boolean enabled, boolean passwordSet) {}

    /** The organisation's members, by name. */
    public java.util.List<Member> members(UUID organisation) {
        return jdbc.sql("""
                        select id, organisation, email, display_name, role, enabled, password_hash is not null
                        from staff_user where organisation = ? order by lower(display_name), email""")
                .param(organisation)
                .query((rs, n) -> new Member(
                        new StaffUser(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                Role.parse(rs.getString(5))),
                        rs.getBoolean(6),
                        rs.getBoolean(7)))
                .list();
    }

    /** One member of the organisation, if they belong to it. */
    public Optional<Member> member(UUID organisation, UUID user) {
        return members(organisation).stream()
                .filter(m -> m.user().id().equals(user))
                .findFirst();
    }

    /** Changes a user's role (recorded by the caller). */
    void setRole(UUID user, Role role) {
        jdbc.sql("update staff_user set role = ? where id = ?")
                .params(role.dbValue(), user)
                .update();
    }

    /** Deactivates or reactivates a user: a deactivated user cannot log in and their API tokens stop working. */
    void setEnabled(UUID user, boolean enabled) {
        jdbc.sql("update staff_user set enabled = ? where id = ?")
                .params(enabled, user)
                .update();
    }

    /** The e-mail addresses of an organisation's enabled leads (whom an urgent report is mailed to). */
    public List<String> leadEmails(UUID organisation) {
        return jdbc.sql("select email from staff_user where organisation = ? and role = 'lead' and enabled")
                .param(organisation)
                .query(String.class)
                .list();
    }

    public long countAdmins() {
        return jdbc.sql("select count(*) from staff_user where role in ('admin', 'instance-admin')")
                .query(Long.class)
                .single();
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("""
                        select id, organisation, email, display_name, role, password_hash, enabled
                        from staff_user where email = ?""")
                .param(normaliseEmail(email))
                .query((rs, n) -> new Credentials(
                        new StaffUser(
                                rs.getObject("id", UUID.class),
                                rs.getObject("organisation", UUID.class),
                                rs.getString("email"),
                                rs.getString("display_name"),
                                Role.parse(rs.getString("role"))),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    public void setPassword(UUID user, String rawPassword) {
        PasswordPolicy.check(rawPassword);
        jdbc.sql("update staff_user set password_hash = ? where id = ?")
                .params(passwords.encode(rawPassword), user)
                .update();
    }

    /** A new API token for the user; only its hash is kept, so it is shown once. */
    @Transactional
    public String issueToken(UUID user) {
        String token = Secrets.token("filet_", 40);
        jdbc.sql("insert into api_token (token_hash, user_id) values (?, ?)")
                .params(Secrets.hash(token), user)
                .update();
        return token;
    }

    /** The user an API token belongs to, if the token is known and the user enabled. */
    public Optional<StaffUser> byToken(String token) {
        if (token == null || !token.startsWith("filet_")) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Optional<String> email = jdbc.sql("""
                        select u.email from api_token t join staff_user u on u.id = t.user_id
                        where t.token_hash = ? and u.enabled""").param(hash).query(String.class).optional();
        email.ifPresent(e -> jdbc.sql("update api_token set last_used = now() where token_hash = ?")
                .param(hash)
                .update());
        return email.flatMap(this::findByEmail);
    }

    /** A one-time link token: for {@code user}, or, when {@code user} is null, for the first administrator. */
    @Transactional
    public String issueLinkToken(UUID user) {
        String token = Secrets.token("", 32);
        jdbc.sql("insert into setup_token (token_hash, user_id, expires_at) values (?, ?, ?)")
                .params(Secrets.hash(token), user, Timestamp.from(Instant.now().plus(LINK_VALIDITY)))
                .update();
        return token;
    }

    /** What a still-valid link token is for. */
    public record LinkToken(String hash, UUID user) {
        public boolean isFirstAdmin() {
            return user == null;
        }
    }

    public Optional<LinkToken> findLinkToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        return jdbc.sql(
                        "select token_hash, user_id from setup_token where token_hash = ? and used_at is null and expires_at > now()")
                .param(hash)
                .query((rs, n) -> new LinkToken(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** Marks a link token used; false if it was used in the meantime. */
    public boolean consumeLinkToken(LinkToken token) {
        return jdbc.sql("update setup_token set used_at = now() where token_hash = ? and used_at is null")
                        .param(token.hash())
                        .update()
                == 1;
    }

    static String normaliseEmail(String email) {
        if (email == null || !email.contains("@") || email.isBlank()) {
            throw new IllegalArgumentException("a valid email address is required");
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
