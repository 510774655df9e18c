package org.filet.server.people;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on logins, access-code lookups and anonymous intake ({@code filet.throttle.*}).
 *
 * @param trustedProxy        whether a reverse proxy we trust is in front: the client address is then the last entry of
 *                            {@code X-Forwarded-For}; otherwise (default) the socket's address, and the header is ignored
 * @param loginFailures       wrong passwords per account before it is locked
 * @param loginAddressFailures wrong passwords from one client address before it is locked
 * @param loginLock           how long a full lock lasts (one more attempt comes back every {@code loginLock / loginFailures})
 * @param accessCodeFailures  wrong access codes per receipt within {@code accessCodeWindow}
 * @param accessCodeAddressFailures wrong access codes from one client address within {@code accessCodeWindow}
 * @param accessCodeWindow    the window of the access-code limits
 * @param intakeBurst         reports one client address may send at once
 * @param intakePerHour       reports per hour one client address may send after its burst
 * @param intakePerHourFor    larger hourly limits for given addresses (a partner platform), e.g. {@code [192.0.2.7]=5000}
 */
@ConfigurationProperties(prefix = "filet.throttle")
public record ThrottleSettings(
        Boolean trustedProxy,
        Integer loginFailures,
        Integer loginAddressFailures,
        Duration loginLock,
        Integer accessCodeFailures,
        Integer accessCodeAddressFailures,
        Duration accessCodeWindow,
        Integer intakeBurst,
        Integer intakePerHour,
        Map<String, Integer> intakePerHourFor) {

    public ThrottleSettings {
        trustedProxy = trustedProxy != null && trustedProxy;
        loginFailures = positive(loginFailures, 10, "login-failures");
        loginAddressFailures = positive(loginAddressFailures, 50, "login-address-failures");
        loginLock = loginLock == null ? Duration.ofMinutes(15) : loginLock;
        accessCodeFailures = positive(accessCodeFailures, 20, "access-code-failures");
        accessCodeAddressFailures = positive(accessCodeAddressFailures, 100, "access-code-address-failures");
        accessCodeWindow = accessCodeWindow == null ? Duration.ofHours(1) : accessCodeWindow;
        intakeBurst = positive(intakeBurst, 20, "intake-burst");
        intakePerHour = positive(intakePerHour, 60, "intake-per-hour");
        intakePerHourFor = intakePerHourFor == null ? Map.of() : Map.copyOf(intakePerHourFor);
    }

    private static int positive(Integer value, int otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value < 1) {
            throw new IllegalArgumentException("filet.throttle." + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
