package org.filet.server.evidence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.filet.seal.TimestampRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An RFC 3161 time-stamping authority reached over HTTP ({@code filet.ledger.tsa-url}), which stamps every new signed
 * tree head. Without a URL nothing is stamped. A TSA that fails leaves the head unstamped (logged), never unsigned.
 */
@Component
class TimestampAuthority {

    private static final Logger log = LoggerFactory.getLogger(TimestampAuthority.class);

    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TimestampAuthority(LedgerSettings settings) {
        this.url = settings.tsaUrl();
    }

    /** The TSA's checked reply over {@code data} (normal form, ready to store as {@code timestamp.tsr}). */
    Optional<byte[]> stamp(byte[] data) {
        if (url.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] request = TimestampRequests.request(data);
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("the time-stamping authority answered HTTP {}", response.statusCode());
                return Optional.empty();
            }
            return Optional.of(TimestampRequests.acceptReply(request, response.body(), data));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("the tree head could not be time-stamped: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
