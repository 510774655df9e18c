package org.filet.server.referral;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.filet.server.people.FiletPrincipal;

/** {@code /admin/authorities}: administrators keep the directory of competent authorities; every change is recorded. */
@Controller
class AuthoritiesController {

    private final Authorities authorities;

    AuthoritiesController(Authorities authorities) {
        this.authorities = authorities;
    }

    @GetMapping("/admin/authorities")
    String list(Model model) {
        model.addAttribute("authorities", authorities.all());
        return "referral/authorities";
    }

    @GetMapping("/admin/authorities/{code}")
    String edit(@PathVariable String code, Model model) {
        model.addAttribute("a", authorities.find(code).orElseThrow(() -> new IllegalArgumentException("no such authority")));
        model.addAttribute("changes", authorities.changes(code));
        return "referral/authority";
    }

    @PostMapping("/admin/authorities/{code}")
    String save(@PathVariable String code, @RequestParam String name, @RequestParam String countries,
                @RequestParam String languages, @RequestParam String receives, @RequestParam String urgent,
                @RequestParam int priority, @AuthenticationPrincipal FiletPrincipal principal) {
        Authorities.Authority before = authorities.find(code).orElseThrow(() -> new IllegalArgumentException("no such authority"));
        authorities.update(principal.user().id(), new Authorities.Authority(code, name.strip(), split(countries), split(languages),
                receives.strip(), urgent.strip(), priority, before.source()));
        return "redirect:/admin/authorities/" + code;
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split("[,\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
