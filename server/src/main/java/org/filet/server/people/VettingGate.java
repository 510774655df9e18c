package org.filet.server.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An analyst whose vetting is incomplete is refused every report page ({@code /staff/reports/**}), through the browser
 * or a token alike, with a page saying why.
 */
@Configuration(proxyBeanMethods = false)
class VettingGate implements WebMvcConfigurer {

    private final Vetting vetting;

    VettingGate(Vetting vetting) {
        this.vetting = vetting;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        Authentication authentication =
                                SecurityContextHolder.getContext().getAuthentication();
                        if (authentication != null
                                && authentication.getPrincipal() instanceof FiletPrincipal p
                                && !vetting.cleared(p.user())) {
                            throw new VettingIncomplete();
                        }
                        return true;
                    }
                })
                .addPathPatterns("/staff/reports/**");
    }

    /** The user's vetting lacks a check, the training or the confidentiality agreement. */
    static final class VettingIncomplete extends RuntimeException {
        VettingIncomplete() {
            super("vetting incomplete", null, false, false);
        }
    }

    @ControllerAdvice
    static class Refusal {
        @ExceptionHandler(VettingIncomplete.class)
        @ResponseStatus(HttpStatus.FORBIDDEN)
        ModelAndView refuse() {
            return new ModelAndView("people/vetting-required");
        }
    }
}
