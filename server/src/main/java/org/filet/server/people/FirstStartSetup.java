package org.filet.server.people;

import org.filet.server.support.FiletSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * There is no default password. While no administrator exists, every start prints a one-time link (valid 24 hours)
 * through which the first administrator sets up their account.
 */
@Component
class FirstStartSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstStartSetup.class);

    private final StaffUsers users;
    private final Organisations organisations;
    private final FiletSettings settings;
    private final PublicAddress address;

    FirstStartSetup(StaffUsers users, Organisations organisations, FiletSettings settings, PublicAddress address) {
        this.users = users;
        this.organisations = organisations;
        this.settings = settings;
        this.address = address;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        organisations.receiving(settings.organisation());
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return; // an administrative command, not a running server
        }
        String base = address.base();
        if (users.countAdmins() == 0) {
            String token = users.issueLinkToken(null);
            String link = base + "/setup/" + token;
            System.out.println("No administrator yet. Create the first one within 24 hours at:");
            System.out.println("  " + link);
            log.info("First-start administrator set-up link issued (valid 24 hours)");
        }
        System.out.println("Filet is running at " + base + "/");
    }
}
