package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static ThrottleSettings settings(boolean trustedProxy) {
        return new ThrottleSettings(trustedProxy, null, null, null, null, null, null, null, null, Map.of());
    }

    private static MockHttpServletRequest request(String forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        if (forwarded != null) {
            request.addHeader("X-Forwarded-For", forwarded);
        }
        return request;
    }

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertThat(new ClientAddress(settings(false)).of(request("203.0.113.7")))
                .isEqualTo("192.0.2.10");
    }

    @Test
    void behindATrustedProxyOnlyTheEntryItAddedCounts() {
        ClientAddress address = new ClientAddress(settings(true));
        assertThat(address.of(request("1.2.3.4, 203.0.113.7")))
                .as("the client's own claim is ignored")
                .isEqualTo("203.0.113.7");
        assertThat(address.of(request(null))).isEqualTo("192.0.2.10");
        assertThat(address.of(request(" , "))).isEqualTo("192.0.2.10");
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ThrottleSettings(false, 0, null, null, null, null, null, null, null, null))
                .hasMessageContaining("filet.throttle.login-failures");
    }
}
