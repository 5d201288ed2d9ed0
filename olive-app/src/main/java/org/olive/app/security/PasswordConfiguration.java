package org.olive.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder, outside the web security configuration so that the command line (which starts the
 * application without its web server, e.g. {@code olive account create}) can hash passwords too.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordConfiguration {

    /** Delegating encoder: new hashes are {@code {bcrypt}…}; other encodings stay verifiable. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
