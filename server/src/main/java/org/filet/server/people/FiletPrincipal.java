package org.filet.server.people;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in staff user; controllers receive it with {@code @AuthenticationPrincipal}. */
public final class FiletPrincipal implements UserDetails {

    private final StaffUser user;
    private final String passwordHash;
    private final boolean enabled;

    FiletPrincipal(StaffUser user, String passwordHash, boolean enabled) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public StaffUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (user.role() == Role.INSTANCE_ADMIN) {
            return List.of(new SimpleGrantedAuthority("ROLE_INSTANCE_ADMIN"), new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isEnabled() {
        return enabled && passwordHash != null;
    }

    @Override
    public String toString() {
        return "FiletPrincipal[" + user.id() + "]";
    }
}
