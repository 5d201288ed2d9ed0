package org.olive.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Olive web application. Started by {@code olive serve} (see {@code org.olive.app.cli}). */
@SpringBootApplication
public class OliveWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(OliveWebApplication.class, args);
    }
}
