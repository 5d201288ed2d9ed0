package org.olive.app.security;

import java.util.Locale;

import org.olive.app.account.AccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users from table {@code account}. */
@Service
public class OliveUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    public OliveUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return accounts.findCredentials(name)
                .map(c -> new OliveUser(c.account().username(), c.account().displayName(), c.account().role(),
                        c.account().townshipCode(), c.account().enabled(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
