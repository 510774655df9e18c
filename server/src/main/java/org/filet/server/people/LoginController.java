package org.filet.server.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "people/login";
    }

    /** The login page of a locked account or address (reached by the throttle's forward): 429, and when to retry. */
    @RequestMapping(LoginThrottle.LOCKED_PATH)
    String locked(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object seconds = request.getAttribute(LoginThrottle.RETRY_AFTER);
        long s = seconds instanceof Long l ? l : 60;
        response.setStatus(429);
        model.addAttribute("lockedMinutes", Math.max(1, (s + 59) / 60));
        return "people/login";
    }
}
