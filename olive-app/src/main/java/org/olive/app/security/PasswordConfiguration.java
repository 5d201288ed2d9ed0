package org.olive.app.security;

import org.olive.app.account.PasswordPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder and the password policy, outside the web security configuration so that the command line (which starts the
 * application without its web server, e.g. {@code olive account create}) can hash passwords too.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordConfiguration {

    /** Delegating encoder: new hashes are {@code {bcrypt}…}; other encodings stay verifiable. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Length and strength rule of every password set ({@code olive.password.min-length}, {@code .min-score}). */
    @Bean
    public PasswordPolicy passwordPolicy(
            @Value("${olive.password.min-length:" + PasswordPolicy.DEFAULT_MIN_LENGTH + "}") int minLength,
            @Value("${olive.password.min-score:" + PasswordPolicy.DEFAULT_MIN_SCORE + "}") int minScore,
            MessageSource messages) {
        return new PasswordPolicy(minLength, minScore, messages);
    }
}
