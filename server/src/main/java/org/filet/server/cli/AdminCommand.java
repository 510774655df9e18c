package org.filet.server.cli;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.filet.server.people.Organisations;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code filet admin …}: operator set-up without the web interface. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Operator set-up without the web interface.",
        subcommands = {AdminCommand.CreateUser.class, AdminCommand.Token.class})
public final class AdminCommand {

    @Option(
            names = "--data",
            defaultValue = "./filet-data",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(
            names = "--url",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "the instance's address, for printed links (default: FILET_PUBLIC_URL, else the address the "
                    + "server running on this data directory listens on)")
    String url;

    ConfigurableApplicationContext context() {
        return Contexts.offline(data);
    }

    @Command(
            name = "create-user",
            mixinStandardHelpOptions = true,
            description = "Creates a staff user and prints a one-time link (24 h) where they choose their password.")
    static final class CreateUser implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;

        @Option(names = "--org", required = true, description = "organisation name (must exist, unless --new-org)")
        String org;

        @Option(names = "--new-org", description = "create the organisation named by --org (refused if it exists)")
        boolean newOrg;

        @Option(
                names = "--role",
                required = true,
                description = "analyst, lead, admin, instance-admin (governs the authorities directory) or authority")
        String role;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--name", description = "display name (default: the email)")
        String name;

        @Option(
                names = "--authority",
                description = "for --role authority: the authority's code in the directory (e.g. ofmin)")
        String authority;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            if (authority != null) {
                authority = authority.strip().toLowerCase(java.util.Locale.ROOT);
            }
            try (ConfigurableApplicationContext ctx = admin.context()) {
                Organisations organisations = ctx.getBean(Organisations.class);
                StaffUsers users = ctx.getBean(StaffUsers.class);
                var existing = organisations.findByName(org.strip());
                if (existing.isEmpty() && !newOrg) {
                    throw new IllegalArgumentException("no organisation named '" + org + "' (existing: "
                            + String.join(
                                    ", ",
                                    organisations.all().stream()
                                            .map(Organisations.Organisation::name)
                                            .toList())
                            + "); add --new-org to create it");
                }
                if (existing.isPresent() && newOrg) {
                    throw new IllegalArgumentException(
                            "an organisation named '" + org + "' already exists: drop --new-org");
                }
                UUID orgId = existing.map(Organisations.Organisation::id).orElseGet(() -> organisations.create(org));
                if (parsed == Role.AUTHORITY
                        && (authority == null
                                || ctx.getBean(org.filet.server.referral.Authorities.class)
                                        .find(authority)
                                        .isEmpty())) {
                    throw new IllegalArgumentException("--role authority needs --authority CODE from the directory");
                }
                StaffUser user = users.create(orgId, email, name, parsed);
                if (parsed == Role.AUTHORITY) {
                    users.setAuthority(user.id(), authority);
                }
                ctx.getBean(org.filet.server.people.PeopleAudit.class)
                        .record(
                                orgId,
                                null,
                                "user.created",
                                user.id(),
                                null,
                                java.util.Map.of("email", user.email(), "role", parsed.dbValue()));
                String token = users.issueLinkToken(user.id());
                System.out.println("created " + user.email() + " (" + parsed.dbValue() + ") in " + org);
                String base = admin.url != null && !admin.url.isBlank()
                        ? admin.url.replaceAll("/+$", "")
                        : ctx.getBean(org.filet.server.people.PublicAddress.class)
                                .base();
                System.out.println("password link (valid 24 h, once): " + base + "/setup/" + token);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("filet admin create-user: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "Prints a new API token for the user, usable as 'Authorization: Bearer TOKEN'.")
    static final class Token implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;

        @Option(names = "--email", required = true)
        String email;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = admin.context()) {
                StaffUsers users = ctx.getBean(StaffUsers.class);
                var user = users.findByEmail(email);
                if (user.isEmpty()) {
                    System.err.println("filet admin token: no user with this email");
                    return 1;
                }
                System.out.println(users.issueToken(user.get().id()));
                return 0;
            }
        }
    }
}
