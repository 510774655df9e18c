package org.filet.server.linking;

import org.filet.server.people.FiletPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /staff/search}: the organisation's reports by the words they contain. */
@Controller
class SearchController {

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @GetMapping("/staff/search")
    String search(
            @RequestParam(name = "q", required = false) String q,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(
                "hits",
                q == null || q.length() > 500
                        ? java.util.List.of()
                        : search.reports(principal.user().organisation(), q));
        return "linking/search";
    }
}
