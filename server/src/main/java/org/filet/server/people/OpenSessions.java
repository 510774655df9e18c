package org.filet.server.people;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The staff sessions open in the database (Spring Session JDBC), found by the user's login name: a deactivated user's
 * sessions end at once on every node, instead of living until they expire. Absent where no web server runs (the
 * {@code filet} commands): nothing to end there.
 */
@Component
class OpenSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    OpenSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user; returns how many there were. */
    int endAll(String loginName) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        var open = repository.findByPrincipalName(loginName);
        open.keySet().forEach(repository::deleteById);
        return open.size();
    }
}
