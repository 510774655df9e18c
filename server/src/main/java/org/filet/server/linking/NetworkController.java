package org.filet.server.linking;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.filet.server.intake.Reports;
import org.filet.server.people.FiletPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The network around a report (SVG drawn on the server), and an identifier's page with every report naming it. */
@Controller
class NetworkController {

    private final Reports reports;
    private final NetworkView networks;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    NetworkController(Reports reports, NetworkView networks, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.reports = reports;
        this.networks = networks;
        this.jdbc = jdbc;
    }

    @GetMapping("/staff/reports/{receipt}/network")
    String network(@PathVariable String receipt, @AuthenticationPrincipal FiletPrincipal principal, Model model) {
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        NetworkView.Network n = networks.around(report.id(), principal.user().organisation());
        Map<String, NetworkView.Node> byId =
                n.nodes().stream().collect(Collectors.toMap(NetworkView.Node::id, Function.identity()));
        model.addAttribute("receipt", receipt);
        model.addAttribute("network", n);
        model.addAttribute("byId", byId);
        return "linking/network";
    }

    /** Every report of the organisation carrying an identifier: the suspect account as an entity. */
    @GetMapping("/staff/identifiers")
    String identifier(@RequestParam String key, @AuthenticationPrincipal FiletPrincipal principal, Model model) {
        var rows = jdbc.sql("""
                        select r.receipt, r.received_at, i.source from report_identifier i join report r on r.id = i.report_id
                        where i.key = ? and r.organisation = ? order by r.received_at desc limit 500""")
                .params(key, principal.user().organisation())
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)})
                .list();
        if (rows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("key", key);
        model.addAttribute("rows", rows);
        return "linking/identifier";
    }
}
