package org.filet.server.web;

import org.filet.server.support.FiletSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The privacy notice and the legal notice, linked from every public page: who processes what a reporter sends, why,
 * for how long, who may receive it, and the reporter's rights. The organisation is the one that receives the reports.
 */
@Controller
class NoticesController {

    private final FiletSettings settings;

    NoticesController(FiletSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("organisation", settings.organisation());
        return "web/privacy";
    }

    @GetMapping("/legal")
    String legal(Model model) {
        model.addAttribute("organisation", settings.organisation());
        return "web/legal";
    }
}
