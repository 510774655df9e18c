package org.filet.server.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login, and enrolment at the first one. After the password, a user with an authenticator app
 * types its code (or a recovery code); a user with no factor yet chooses one before anything else: an authenticator
 * app (QR code, then recovery codes shown once) or a passkey.
 */
@Controller
class FactorController {

    private final SecondFactors factors;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    FactorController(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping("/login/factor")
    String step(Authentication authentication, Model model) {
        if (SecondFactorRules.complete(authentication)) {
            return "redirect:" + landing(authentication);
        }
        SecondFactors.Enrolled enrolled = factors.of(user(authentication));
        if (!enrolled.any()) {
            return "redirect:/enrol";
        }
        model.addAttribute("enrolled", enrolled);
        return "people/factor";
    }

    @PostMapping("/login/factor")
    String check(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String recovery,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        StaffUser user = user(authentication);
        boolean ok = recovery != null && !recovery.isBlank()
                ? factors.useRecoveryCode(user, recovery)
                : factors.verifyTotp(user, code);
        if (!ok) {
            model.addAttribute("enrolled", factors.of(user));
            model.addAttribute("error", true);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return "people/factor";
        }
        grantCode(authentication, request, response);
        return "redirect:" + landing(authentication);
    }

    @GetMapping("/enrol")
    String choose(Authentication authentication, Model model) {
        if (!mayEnrol(authentication)) {
            return "redirect:/login/factor";
        }
        return "people/enrol";
    }

    @PostMapping("/enrol/totp")
    String beginTotp(Authentication authentication) {
        if (!mayEnrol(authentication)) {
            return "redirect:/login/factor";
        }
        StaffUser user = user(authentication);
        if (factors.pendingSecret(user).isEmpty()) {
            factors.beginTotp(user);
        }
        return "redirect:/enrol/totp";
    }

    @GetMapping("/enrol/totp")
    String showTotp(Authentication authentication, Model model) {
        StaffUser user = user(authentication);
        Optional<String> secret = factors.pendingSecret(user);
        if (!mayEnrol(authentication) || secret.isEmpty()) {
            return "redirect:/enrol";
        }
        model.addAttribute("secret", secret.get());
        model.addAttribute("qr", QrCode.svgDataUri(Totp.uri("Filet", user.email(), secret.get())));
        return "people/enrol-totp";
    }

    @PostMapping("/enrol/totp/confirm")
    String confirmTotp(
            @RequestParam(required = false) String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        StaffUser user = user(authentication);
        if (!mayEnrol(authentication)) {
            return "redirect:/login/factor";
        }
        Optional<List<String>> codes = factors.confirmTotp(user, code);
        if (codes.isEmpty()) {
            Optional<String> secret = factors.pendingSecret(user);
            if (secret.isEmpty()) {
                return "redirect:/enrol";
            }
            model.addAttribute("secret", secret.get());
            model.addAttribute("qr", QrCode.svgDataUri(Totp.uri("Filet", user.email(), secret.get())));
            model.addAttribute("error", true);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "people/enrol-totp";
        }
        grantCode(authentication, request, response);
        model.addAttribute("codes", codes.get());
        model.addAttribute("next", landing(authentication));
        return "people/recovery-codes";
    }

    @GetMapping("/enrol/passkey")
    String passkey(Authentication authentication) {
        if (!mayEnrol(authentication)) {
            return "redirect:/login/factor";
        }
        return "people/enrol-passkey";
    }

    /** A first enrolment (no factor yet), or adding a factor once fully logged in. */
    private boolean mayEnrol(Authentication authentication) {
        return SecondFactorRules.complete(authentication)
                || !factors.of(user(authentication)).any();
    }

    private void grantCode(Authentication current, HttpServletRequest request, HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactorRules.FACTOR_CODE));
        Authentication next =
                UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    static String landing(Authentication authentication) {
        return authentication.getPrincipal() instanceof FiletPrincipal p
                        && p.user().role() == Role.AUTHORITY
                ? "/authority"
                : "/staff/queue";
    }

    private static StaffUser user(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof FiletPrincipal p) {
            return p.user();
        }
        throw new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.UNAUTHORIZED);
    }
}
