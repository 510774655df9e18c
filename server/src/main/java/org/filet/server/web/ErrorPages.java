package org.filet.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page in the layout of whoever sees it: the staff header (navigation, logout) for a logged-in staff
 * member, the portal's for an authority officer, the public one otherwise; always in the visitor's language.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        page.put("layout", layout(SecurityContextHolder.getContext().getAuthentication()));
        return new ModelAndView("error", page, status);
    }

    /** "staff", "authority" or "public", by the roles of the one who sees the page. */
    static String layout(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return "public";
        }
        boolean staff = false;
        for (GrantedAuthority a : auth.getAuthorities()) {
            String role = a.getAuthority();
            if ("ROLE_AUTHORITY".equals(role)) {
                return "authority";
            }
            staff |= "ROLE_ANALYST".equals(role) || "ROLE_LEAD".equals(role) || "ROLE_ADMIN".equals(role);
        }
        return staff ? "staff" : "public";
    }
}
