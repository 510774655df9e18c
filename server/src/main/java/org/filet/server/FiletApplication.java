package org.filet.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Filet platform as one Spring Boot application; started by {@link FiletCommand} {@code serve}. */
@SpringBootApplication
@EnableScheduling
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class FiletApplication {
}
