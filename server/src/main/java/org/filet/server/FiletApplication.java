package org.filet.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Filet platform as one Spring Boot application; started by {@code filet serve} ({@link org.filet.server.cli.FiletCommand}). */
@SpringBootApplication
@EnableScheduling
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class FiletApplication {}
